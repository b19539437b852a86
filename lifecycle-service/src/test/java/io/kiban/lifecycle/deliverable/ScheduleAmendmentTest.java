package io.kiban.lifecycle.deliverable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.contract.AmendmentSteps;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
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
    @DisplayName(
            "R-LC-11 R-LC-12 an amendment regenerates the scheduled reports nothing was submitted for, in the same transaction")
    void R_LC_11_R_LC_12_schedules_follow_contract_amendments() {
        List<Map<String, Object>> progress = list("PROGRESS_REPORT");
        assertThat(progress).hasSize(19);
        long first = id(progress, 1);
        long second = id(progress, 2);
        long third = id(progress, 3);
        // #1 approved, #2 submitted: never touched again
        submit(first, "進捗報告1.pdf");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", DeliverableTest.etag(first))
                .post("/deliverables/" + first + "/approval")
                .then()
                .statusCode(200);
        submit(second, "進捗報告2.pdf");
        // a progress report tracked by hand is not part of the schedule
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "kind",
                                "PROGRESS_REPORT",
                                "title",
                                "TEST extra meeting",
                                "dueDate",
                                "2026-12-24"))
                .post("/deliverables")
                .then()
                .statusCode(201)
                .body("scheduleSeq", Matchers.nullValue());
        // the first security report has statuses recorded (something was submitted), still PENDING
        List<Map<String, Object>> security = list("SECURITY_COMPLIANCE");
        assertThat(security).hasSize(10);
        long security1 = id(security, 1);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(Map.of("items", DeliverableTest.complete()))
                .put("/deliverables/" + security1 + "/compliance")
                .then()
                .statusCode(200);

        // signing a month later, production start a month earlier
        amend(Map.of("signingDate", "2026-07-31", "productionStart", "2027-03-01"));

        progress = list("PROGRESS_REPORT");
        List<LocalDate> expected = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 8, 14);
                !d.isAfter(LocalDate.of(2027, 3, 1));
                d = d.plusWeeks(2)) {
            expected.add(d);
        }
        assertThat(expected).hasSize(15);
        List<Map<String, Object>> scheduled =
                progress.stream().filter(d -> d.get("scheduleSeq") != null).toList();
        assertThat(scheduled).hasSize(15);
        assertThat(progress)
                .anyMatch(
                        d ->
                                "TEST extra meeting".equals(d.get("title"))
                                        && "2026-12-24".equals(d.get("dueDate")));
        // the approved and the submitted report keep their dates and state
        assertThat(at(progress, 1))
                .containsEntry("id", (int) first)
                .containsEntry("dueDate", "2026-07-14")
                .containsEntry("status", "APPROVED");
        assertThat(at(progress, 2))
                .containsEntry("id", (int) second)
                .containsEntry("dueDate", "2026-07-28")
                .containsEntry("status", "SUBMITTED");
        // the others moved in place (same record) to the new dates; #16…#19 fall outside and are
        // gone
        assertThat(at(progress, 3))
                .containsEntry("id", (int) third)
                .containsEntry("dueDate", expected.get(2).toString())
                .containsEntry("title", "進捗報告（第3回）");
        for (int n = 3; n <= 15; n++) {
            assertThat(at(progress, n).get("dueDate"))
                    .as("#" + n)
                    .isEqualTo(expected.get(n - 1).toString());
            assertThat(at(progress, n).get("status")).isEqualTo("PENDING");
        }

        // R-LC-12: half-yearly from the new signing date 2026-07-31; #1 (statuses recorded) keeps
        // 2026-12-30
        security = list("SECURITY_COMPLIANCE");
        assertThat(security).hasSize(10);
        assertThat(at(security, 1))
                .containsEntry("id", (int) security1)
                .containsEntry("dueDate", "2026-12-30");
        assertThat(
                        security.stream()
                                .filter(d -> !d.get("id").equals((int) security1))
                                .map(d -> (String) d.get("dueDate")))
                .containsExactly(
                        "2027-07-31",
                        "2028-01-31",
                        "2028-07-31",
                        "2029-01-31",
                        "2029-07-31",
                        "2030-01-31",
                        "2030-07-31",
                        "2031-01-31",
                        "2031-03-31");
        assertThat(at(security, 10)).containsEntry("title", "情報セキュリティ対策の実施状況報告（別紙2）第10回");
        assertThat(list("SECURITY_CONFIRMATION"))
                .singleElement()
                .extracting(d -> d.get("dueDate"))
                .isEqualTo("2026-08-14");
        // R-LC-5 (the day before) and R-LC-6 (two weeks before) follow the online service start
        // 2027-03-01
        assertThat(list("ENVIRONMENT_DEFINITION"))
                .extracting(d -> d.get("dueDate"))
                .containsOnly("2027-02-28");
        assertThat(list("OPERATIONS_MANUAL"))
                .extracting(d -> d.get("dueDate"))
                .containsOnly("2027-02-15");

        JsonPath audit =
                new JsonPath(
                        given().auth()
                                .oauth2(Tokens.auditor())
                                .get("/audit?entityType=deliverable&entityId=schedule")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
        assertThat(audit.getString("[0].action")).isEqualTo("regenerate-schedule");
        assertThat(audit.getString("[0].actorName")).isEqualTo("jpo-admin2");

        // production starts right after signing: one place left; the submitted #2 outside it stays,
        // untouched
        amend(Map.of("signingDate", "2026-07-31", "productionStart", "2026-08-20"));
        progress = list("PROGRESS_REPORT");
        assertThat(
                        progress.stream()
                                .filter(d -> d.get("scheduleSeq") != null)
                                .map(d -> d.get("id")))
                .containsExactlyInAnyOrder((int) first, (int) second);
        assertThat(at(progress, 2))
                .containsEntry("status", "SUBMITTED")
                .containsEntry("dueDate", "2026-07-28");
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliverables/" + third)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/deliverables/" + second)
                .then()
                .statusCode(200)
                .body("submissions.size()", Matchers.equalTo(1));
    }

    @Test
    @DisplayName(
            "R-LC-5 R-LC-6 the environment definition and operations manual move with the online service start, unless approved")
    void R_LC_5_R_LC_6_deliverables_follow_an_amended_online_service_start() {
        long manual = ((Number) list("OPERATIONS_MANUAL").get(0).get("id")).longValue();
        long staging =
                ((Number)
                                list("ENVIRONMENT_DEFINITION").stream()
                                        .filter(d -> "STAGING".equals(d.get("environment")))
                                        .findFirst()
                                        .orElseThrow()
                                        .get("id"))
                        .longValue();
        submit(staging, "env-def-staging.xlsx");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", DeliverableTest.etag(staging))
                .post("/deliverables/" + staging + "/approval")
                .then()
                .statusCode(200);
        // the online service start moves from 2027-04-01 to 2027-05-06 (a Thursday)
        amend(Map.of("productionStart", "2027-05-06"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliverables/" + manual)
                .then()
                .statusCode(200)
                .body("dueDate", Matchers.equalTo("2027-04-22"))
                .body("rule", Matchers.equalTo("R-LC-6"));
        assertThat(list("ENVIRONMENT_DEFINITION"))
                .extracting(d -> d.get("environment") + " " + d.get("dueDate"))
                .containsExactlyInAnyOrder("PRODUCTION 2027-05-05", "STAGING 2027-03-31");
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/contract/deadlines")
                .then()
                .statusCode(200)
                .body("find { it.id == 'production-start' }.date", Matchers.equalTo("2027-05-06"));
    }

    @Test
    @DisplayName("R-LC-1 an amendment refused by its rules changes no scheduled report")
    void R_LC_1_a_refused_amendment_leaves_the_schedule_alone() {
        List<Map<String, Object>> before = list("PROGRESS_REPORT");
        AmendmentSteps.propose(
                        AmendmentSteps.contractWith(
                                Map.of(
                                        "signingDate",
                                        "2026-07-31",
                                        "removalDeadline",
                                        "2031-06-30")))
                .then()
                .statusCode(422)
                .body("rule", Matchers.equalTo("R-LC-1"));
        assertThat(list("PROGRESS_REPORT")).isEqualTo(before);
    }

    private static void amend(Map<String, String> dates) {
        AmendmentSteps.amend(dates);
    }

    private static void submit(long id, String name) {
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType("application/octet-stream")
                .queryParam("fileName", name)
                .body((name + " " + id).getBytes(StandardCharsets.UTF_8))
                .put("/deliverables/" + id + "/file")
                .then()
                .statusCode(200);
    }

    private static List<Map<String, Object>> list(String kind) {
        return given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliverables?kind=" + kind + "&size=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static Map<String, Object> at(List<Map<String, Object>> list, int place) {
        return list.stream()
                .filter(d -> Integer.valueOf(place).equals(d.get("scheduleSeq")))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no scheduled report #" + place + " in " + list));
    }

    private static long id(List<Map<String, Object>> list, int place) {
        return ((Number) at(list, place).get("id")).longValue();
    }
}
