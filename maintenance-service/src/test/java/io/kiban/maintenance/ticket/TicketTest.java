package io.kiban.maintenance.ticket;

import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.AUDITOR;
import static io.kiban.maintenance.Fixtures.SERVICE;
import static io.kiban.maintenance.Fixtures.STAFF;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.VENDOR_B;
import static io.kiban.maintenance.Fixtures.file;
import static io.kiban.maintenance.Fixtures.move;
import static io.kiban.maintenance.Fixtures.ticket;
import static io.kiban.maintenance.Fixtures.ticketBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class TicketTest {

    @Inject BreachMonitor breachMonitor;

    @Test
    void a_vendor_files_for_its_own_organisation_and_jpo_names_the_organisation() {
        file(VENDOR_A, ticketBody("HW-1", "S3", "MEDIA_FAILURE"))
                .then()
                .statusCode(201)
                .header("Location", containsString("/tickets/"))
                .body("organisation", equalTo("vendor-a"))
                .body("status", equalTo("REPORTED"))
                .body("severity", equalTo("S3"))
                .body("filedBy", equalTo("vendor-a-engineer"));
        var body = ticketBody("HW-1", "S4", "OTHER");
        body.put("organisation", "vendor-b");
        file(STAFF, body).then().statusCode(201).body("organisation", equalTo("vendor-b"));
        file(ADMIN, ticketBody("HW-1", "S4", "OTHER"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("organisation"));
        body.put("organisation", "vendor-b");
        file(VENDOR_A, body)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("organisation"));
    }

    @Test
    void an_unknown_asset_is_422_and_an_unreachable_asset_service_is_503() {
        file(VENDOR_A, ticketBody("NO-SUCH-HW", "S3", "OTHER"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("hardwareId"));
        file(VENDOR_A, ticketBody("HW-OFFLINE", "S3", "OTHER"))
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:dependency-unavailable"));
    }

    @Test
    void bad_input_is_400_naming_the_field_and_wrong_roles_are_403() {
        var body = ticketBody("HW-1", "S9", "OTHER");
        file(VENDOR_A, body).then().statusCode(400).contentType("application/problem+json");
        var noDescription = ticketBody("HW-1", "S1", "OTHER");
        noDescription.remove("description");
        file(VENDOR_A, noDescription)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(containsString("description")));
        var future = ticketBody("HW-1", "S1", "OTHER");
        future.put("occurredAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        file(VENDOR_A, future)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
        file(AUDITOR, ticketBody("HW-1", "S1", "OTHER")).then().statusCode(403);
        file(Tokens.unapprovedVendor("vendor-a"), ticketBody("HW-1", "S1", "OTHER"))
                .then()
                .statusCode(403);
        file(Tokens.supportVendor(), ticketBody("HW-1", "S1", "OTHER")).then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body(ticketBody("HW-1", "S1", "OTHER"))
                .post("/tickets")
                .then()
                .statusCode(401);
    }

    @Test
    @DisplayName(
            "R-SEC-1 a vendor engineer who is not an approved information handler gets nothing")
    void R_SEC_1_an_unapproved_vendor_gets_nothing() {
        long id = ticket(VENDOR_A, "HW-SEC", "OTHER");
        String newcomer = Tokens.unapprovedVendor("vendor-a");
        given().auth().oauth2(newcomer).get("/tickets/" + id).then().statusCode(403);
        given().auth().oauth2(newcomer).get("/tickets").then().statusCode(403);
        given().auth()
                .oauth2(newcomer)
                .get("/reports/outstanding-sanitization")
                .then()
                .statusCode(403);
    }

    @Test
    void filing_honours_idempotency_key() {
        var body = ticketBody("HW-IDEM", "S3", "OTHER");
        long first =
                given().auth()
                        .oauth2(VENDOR_A)
                        .header("Idempotency-Key", "vendor-tool-42")
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/tickets")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        given().auth()
                .oauth2(VENDOR_A)
                .header("Idempotency-Key", "vendor-tool-42")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/tickets")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo((int) first));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("hardwareId", "HW-IDEM")
                .get("/tickets")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1");
    }

    @Test
    void R_MT_7_a_vendor_sees_and_acts_on_its_own_organisations_tickets_only() {
        long a = ticket(VENDOR_A, "HW-ORG", "OTHER");
        long b = ticket(VENDOR_B, "HW-ORG", "OTHER");
        given().auth()
                .oauth2(VENDOR_B)
                .get("/tickets/" + a)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(VENDOR_A).get("/tickets/" + a).then().statusCode(200);
        given().auth()
                .oauth2(VENDOR_B)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("to", "ACKNOWLEDGED"))
                .post("/tickets/" + a + "/transitions")
                .then()
                .statusCode(404);
        List<Integer> seenByB =
                given().auth()
                        .oauth2(VENDOR_B)
                        .queryParam("hardwareId", "HW-ORG")
                        .get("/tickets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id");
        assertThat(seenByB).contains((int) b).doesNotContain((int) a);
        given().auth()
                .oauth2(VENDOR_B)
                .queryParam("organisation", "vendor-a")
                .get("/tickets")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "0");
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("hardwareId", "HW-ORG")
                .get("/tickets")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "2");
    }

    @Test
    void the_workflow_is_ordered_by_role_timestamped_and_audited() {
        long id = ticket(VENDOR_A, "HW-FLOW", "OTHER");
        move(VENDOR_A, id, "RESOLVED").then().statusCode(409);
        move(STAFF, id, "ACKNOWLEDGED").then().statusCode(403);
        move(VENDOR_A, id, "ACKNOWLEDGED")
                .then()
                .statusCode(200)
                .body("acknowledgedAt", not(equalTo(null)));
        move(VENDOR_A, id, "IN_PROGRESS").then().statusCode(200);
        move(VENDOR_A, id, "RESOLVED")
                .then()
                .statusCode(200)
                .body("resolvedAt", not(equalTo(null)));
        move(VENDOR_A, id, "CLOSED").then().statusCode(403);
        move(STAFF, id, "CLOSED").then().statusCode(403);
        move(ADMIN, id, "CLOSED").then().statusCode(200).body("status", equalTo("CLOSED"));
        given().auth()
                .oauth2(VENDOR_A)
                .get("/tickets/" + id)
                .then()
                .statusCode(200)
                .body(
                        "transitions.to",
                        equalTo(
                                List.of(
                                        "REPORTED",
                                        "ACKNOWLEDGED",
                                        "IN_PROGRESS",
                                        "RESOLVED",
                                        "CLOSED")))
                .body("transitions[4].actor", equalTo("jpo-admin1"));
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("entityType", "ticket")
                .queryParam("entityId", id)
                .get("/audit")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("to", "CANCELLED"))
                .post("/tickets/" + id + "/transitions")
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("to", "CANCELLED"))
                .post("/tickets/" + id + "/transitions")
                .then()
                .statusCode(412);
    }

    @Test
    void R_MT_1_late_tickets_are_flagged_listed_and_counted() {
        var late = ticketBody("HW-LATE", "S1", "SERVER_HARDWARE");
        late.put("occurredAt", Instant.now().minus(3, ChronoUnit.HOURS).toString());
        late.put("reportedAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        long lateId =
                file(VENDOR_A, late)
                        .then()
                        .statusCode(201)
                        .body("responseBreached", equalTo(true))
                        .body("breached", equalTo(true))
                        .extract()
                        .jsonPath()
                        .getLong("id");
        long onTime = ticket(VENDOR_A, "HW-LATE", "OTHER");
        List<Integer> breached =
                given().auth()
                        .oauth2(ADMIN)
                        .queryParam("breached", true)
                        .queryParam("hardwareId", "HW-LATE")
                        .get("/tickets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id");
        assertThat(breached).contains((int) lateId).doesNotContain((int) onTime);
        breachMonitor.sweep();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains(
                        "kiban_maintenance_ticket_breaches_total{severity=\"S1\",target=\"response\"}")
                .contains("kiban_maintenance_tickets_breached_open");
    }

    @Test
    void backup_service_asks_for_tickets_in_progress_on_a_hardware_item() {
        long id = ticket(VENDOR_A, "HW-HOLD", "OTHER");
        move(VENDOR_A, id, "ACKNOWLEDGED").then().statusCode(200);
        move(VENDOR_A, id, "IN_PROGRESS").then().statusCode(200);
        given().auth()
                .oauth2(SERVICE)
                .queryParam("hardwareId", "HW-HOLD")
                .queryParam("status", "IN_PROGRESS")
                .get("/tickets")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1")
                .body("[0].id", equalTo((int) id));
        given().auth()
                .oauth2(SERVICE)
                .queryParam("status", "NOPE")
                .get("/tickets")
                .then()
                .statusCode(400);
    }
}
