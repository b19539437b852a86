package io.kiban.lifecycle.deliverable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The scheduled reports (R-LC-11, R-LC-12) follow amendments of the contract dates. */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class ScheduleAmendmentTest {

    @BeforeEach
    void reset() {
        Fixtures.reset();
    }

    @Test
    @DisplayName("R-LC-11 R-LC-12 an amendment regenerates the scheduled reports nothing was submitted for, in the same transaction")
    void R_LC_11_R_LC_12_schedules_follow_contract_amendments() {
        List<Map<String, Object>> progress = list("PROGRESS_REPORT");
        assertThat(progress).hasSize(19);
        long first = id(progress, 1);
        long second = id(progress, 2);
        long third = id(progress, 3);
        // #1 approved, #2 submitted: never touched again
        submit(first, "進捗報告1.pdf");
        given().auth().oauth2(Tokens.jpoAdmin()).post("/deliverables/" + first + "/approval").then().statusCode(200);
        submit(second, "進捗報告2.pdf");
        // a progress report tracked by hand is not part of the schedule
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "PROGRESS_REPORT", "title", "TEST extra meeting", "dueDate", "2026-12-24"))
                .post("/deliverables").then().statusCode(201).body("scheduleSeq", Matchers.nullValue());
        // the first security report has statuses recorded (something was submitted), still PENDING
        List<Map<String, Object>> security = list("SECURITY_COMPLIANCE");
        assertThat(security).hasSize(7);
        long security1 = id(security, 1);
        given().auth().oauth2(Tokens.vendor("vendor-a")).contentType(ContentType.JSON)
                .body(Map.of("items", DeliverableTest.complete())).put("/deliverables/" + security1 + "/compliance")
                .then().statusCode(200);

        // signing a month later, production start a month earlier
        amend(Map.of("signingDate", "2026-07-31", "productionStart", "2027-03-01"));

        progress = list("PROGRESS_REPORT");
        List<LocalDate> expected = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 8, 14); !d.isAfter(LocalDate.of(2027, 3, 1)); d = d.plusWeeks(2)) {
            expected.add(d);
        }
        assertThat(expected).hasSize(15);
        List<Map<String, Object>> scheduled = progress.stream().filter(d -> d.get("scheduleSeq") != null).toList();
        assertThat(scheduled).hasSize(15);
        assertThat(progress).anyMatch(d -> "TEST extra meeting".equals(d.get("title")) && "2026-12-24".equals(d.get("dueDate")));
        // the approved and the submitted report keep their dates and state
        assertThat(at(progress, 1)).containsEntry("id", (int) first).containsEntry("dueDate", "2026-07-14")
                .containsEntry("status", "APPROVED");
        assertThat(at(progress, 2)).containsEntry("id", (int) second).containsEntry("dueDate", "2026-07-28")
                .containsEntry("status", "SUBMITTED");
        // the others moved in place (same record) to the new dates; #16…#19 fall outside and are gone
        assertThat(at(progress, 3)).containsEntry("id", (int) third).containsEntry("dueDate", expected.get(2).toString())
                .containsEntry("title", "進捗報告（第3回）");
        for (int n = 3; n <= 15; n++) {
            assertThat(at(progress, n).get("dueDate")).as("#" + n).isEqualTo(expected.get(n - 1).toString());
            assertThat(at(progress, n).get("status")).isEqualTo("PENDING");
        }

        security = list("SECURITY_COMPLIANCE");
        assertThat(security).hasSize(8);
        assertThat(at(security, 1)).containsEntry("id", (int) security1).containsEntry("dueDate", "2027-10-01");
        assertThat(security.stream().filter(d -> !d.get("id").equals((int) security1)).map(d -> (String) d.get("dueDate")))
                .containsExactly("2028-03-01", "2028-09-01", "2029-03-01", "2029-09-01", "2030-03-01", "2030-09-01",
                        "2031-03-01");
        assertThat(at(security, 8)).containsEntry("title", "情報セキュリティ対策の実施状況報告（別紙2）第8回");

        JsonPath audit = new JsonPath(given().auth().oauth2(Tokens.auditor())
                .get("/audit?entityType=deliverable&entityId=schedule").then().statusCode(200).extract().asString());
        assertThat(audit.getString("[0].action")).isEqualTo("regenerate-schedule");
        assertThat(audit.getString("[0].actorName")).isEqualTo("jpo-admin1");

        // production starts right after signing: one place left; the submitted #2 outside it stays, untouched
        amend(Map.of("signingDate", "2026-07-31", "productionStart", "2026-08-20"));
        progress = list("PROGRESS_REPORT");
        assertThat(progress.stream().filter(d -> d.get("scheduleSeq") != null).map(d -> d.get("id")))
                .containsExactlyInAnyOrder((int) first, (int) second);
        assertThat(at(progress, 2)).containsEntry("status", "SUBMITTED").containsEntry("dueDate", "2026-07-28");
        given().auth().oauth2(Tokens.jpoStaff()).get("/deliverables/" + third).then().statusCode(404);
        given().auth().oauth2(Tokens.auditor()).get("/deliverables/" + second).then().statusCode(200)
                .body("submissions.size()", Matchers.equalTo(1));
    }

    @Test
    @DisplayName("R-LC-1 an amendment refused by its rules changes no scheduled report")
    void R_LC_1_a_refused_amendment_leaves_the_schedule_alone() {
        List<Map<String, Object>> before = list("PROGRESS_REPORT");
        var current = given().auth().oauth2(Tokens.jpoAdmin()).get("/contract");
        Map<String, Object> body = contract(current.jsonPath().getMap(""));
        body.put("signingDate", "2026-07-31");
        body.put("removalDeadline", "2031-06-30");
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).header("If-Match", current.header("ETag"))
                .body(body).put("/contract").then().statusCode(422).body("rule", Matchers.equalTo("R-LC-1"));
        assertThat(list("PROGRESS_REPORT")).isEqualTo(before);
    }

    private static void amend(Map<String, String> dates) {
        var current = given().auth().oauth2(Tokens.jpoAdmin()).get("/contract");
        Map<String, Object> body = contract(current.jsonPath().getMap(""));
        body.putAll(dates);
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).header("If-Match", current.header("ETag"))
                .body(body).put("/contract").then().statusCode(200);
    }

    private static Map<String, Object> contract(Map<String, Object> view) {
        Map<String, Object> body = new HashMap<>(view);
        body.remove("monthlyLeaseTotal");
        body.remove("monthlyMaintenanceTotal");
        body.remove("version");
        return body;
    }

    private static void submit(long id, String name) {
        given().auth().oauth2(Tokens.vendor("vendor-a")).contentType("application/octet-stream").queryParam("fileName", name)
                .body((name + " " + id).getBytes(StandardCharsets.UTF_8)).put("/deliverables/" + id + "/file").then()
                .statusCode(200);
    }

    private static List<Map<String, Object>> list(String kind) {
        return given().auth().oauth2(Tokens.jpoStaff()).get("/deliverables?kind=" + kind + "&size=200").then()
                .statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> at(List<Map<String, Object>> list, int place) {
        return list.stream().filter(d -> Integer.valueOf(place).equals(d.get("scheduleSeq"))).findFirst()
                .orElseThrow(() -> new AssertionError("no scheduled report #" + place + " in " + list));
    }

    private static long id(List<Map<String, Object>> list, int place) {
        return ((Number) at(list, place).get("id")).longValue();
    }
}
