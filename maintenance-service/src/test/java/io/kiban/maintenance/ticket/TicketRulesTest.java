package io.kiban.maintenance.ticket;

import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.STAFF;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.VENDOR_B;
import static io.kiban.maintenance.Fixtures.file;
import static io.kiban.maintenance.Fixtures.move;
import static io.kiban.maintenance.Fixtures.replace;
import static io.kiban.maintenance.Fixtures.replacementBody;
import static io.kiban.maintenance.Fixtures.serial;
import static io.kiban.maintenance.Fixtures.ticket;
import static io.kiban.maintenance.Fixtures.ticketBody;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, hole 6: who may end a ticket, breaches that stay, the sweep that leaves the ETag alone.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class TicketRulesTest {

    @Inject BreachMonitor breachMonitor;

    @Inject EntityManager em;

    private static io.restassured.response.Response transition(
            String token, long id, String etag, Map<String, ?> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(body)
                .post("/tickets/" + id + "/transitions");
    }

    private static String etagOf(long id) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/tickets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private List<String> recordedBreaches(long ticketId) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                em.createQuery(
                                                "select b.target from TicketBreach b where b.ticketId = :id order by b.target",
                                                String.class)
                                        .setParameter("id", ticketId)
                                        .getResultList());
    }

    /**
     * An S1 ticket (response target PT30M) of vendor-a whose response target passes in about five
     * seconds.
     */
    private static long ticketDueInFiveSeconds(String hardwareId) {
        var body = ticketBody(hardwareId, "S1", "SERVER_HARDWARE");
        Instant reported = Instant.now().minus(30, ChronoUnit.MINUTES).plusSeconds(5);
        body.put("occurredAt", reported.minusSeconds(60).toString());
        body.put("reportedAt", reported.toString());
        return file(VENDOR_A, body)
                .then()
                .statusCode(201)
                .body("responseBreached", equalTo(false))
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    @DisplayName(
            "DOMAIN §8 jpo-staff files and reads tickets but never closes, cancels or reopens them")
    void SEC_jpo_staff_files_and_reads_but_does_not_close_cancel_or_reopen() {
        var body = ticketBody("HW-STAFF", "S3", "OTHER");
        body.put("organisation", "vendor-a");
        long id =
                file(STAFF, body)
                        .then()
                        .statusCode(201)
                        .body("filedByJpo", equalTo(true))
                        .extract()
                        .jsonPath()
                        .getLong("id");
        given().auth().oauth2(STAFF).get("/tickets/" + id).then().statusCode(200);
        move(STAFF, id, "CANCELLED").then().statusCode(403);
        move(VENDOR_A, id, "ACKNOWLEDGED").then().statusCode(200);
        move(VENDOR_A, id, "IN_PROGRESS").then().statusCode(200);
        move(VENDOR_A, id, "RESOLVED").then().statusCode(200);
        move(STAFF, id, "IN_PROGRESS").then().statusCode(403);
        move(STAFF, id, "CLOSED").then().statusCode(403).contentType("application/problem+json");
        move(VENDOR_A, id, "IN_PROGRESS").then().statusCode(403);
        move(ADMIN, id, "IN_PROGRESS").then().statusCode(200);
        move(VENDOR_A, id, "RESOLVED").then().statusCode(200);
        move(ADMIN, id, "CLOSED").then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    @DisplayName(
            "SEC-BK-4 a ticket shows whether JPO acknowledged it: only then may it hold its array's backups")
    void SEC_BK_4_acknowledged_by_jpo_only_when_jpo_admin_acknowledged() {
        long byVendor = ticket(VENDOR_A, "HW-ACK-VENDOR", "OTHER");
        move(VENDOR_A, byVendor, "ACKNOWLEDGED")
                .then()
                .statusCode(200)
                .body("acknowledgedByJpo", equalTo(false));
        given().auth()
                .oauth2(ADMIN)
                .get("/tickets/" + byVendor)
                .then()
                .statusCode(200)
                .body("ticket.acknowledgedByJpo", equalTo(false));

        long byJpo = ticket(VENDOR_A, "HW-ACK-JPO", "OTHER");
        given().auth()
                .oauth2(ADMIN)
                .get("/tickets/" + byJpo)
                .then()
                .statusCode(200)
                .body("ticket.acknowledgedByJpo", equalTo(false));
        move(ADMIN, byJpo, "ACKNOWLEDGED")
                .then()
                .statusCode(200)
                .body("acknowledgedByJpo", equalTo(true));
        // the vendor's next step does not take JPO's acknowledgement away
        move(VENDOR_A, byJpo, "IN_PROGRESS")
                .then()
                .statusCode(200)
                .body("acknowledgedByJpo", equalTo(true));
    }

    @Test
    @DisplayName("R-MT-1 a vendor never cancels a ticket JPO filed; a cancellation needs a reason")
    void R_MT_1_a_vendor_may_not_cancel_jpos_ticket_and_a_cancellation_needs_a_reason() {
        long jpos = ticket(ADMIN, "HW-CANCEL-JPO", "OTHER");
        transition(VENDOR_A, jpos, etagOf(jpos), Map.of("to", "CANCELLED", "note", "not ours"))
                .then()
                .statusCode(403)
                .body("detail", containsString("filed by JPO"));
        transition(ADMIN, jpos, etagOf(jpos), Map.of("to", "CANCELLED"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        transition(ADMIN, jpos, etagOf(jpos), Map.of("to", "CANCELLED", "note", " "))
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(ADMIN)
                .get("/tickets/" + jpos)
                .then()
                .body("ticket.status", equalTo("REPORTED"));
        transition(ADMIN, jpos, etagOf(jpos), Map.of("to", "CANCELLED", "note", "filed twice"))
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));

        long own = ticket(VENDOR_A, "HW-CANCEL-OWN", "OTHER");
        transition(VENDOR_A, own, etagOf(own), Map.of("to", "CANCELLED")).then().statusCode(400);
        transition(
                        VENDOR_A,
                        own,
                        etagOf(own),
                        Map.of("to", "CANCELLED", "note", "duplicate of another ticket"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ADMIN)
                .get("/tickets/" + own)
                .then()
                .body("transitions[1].note", equalTo("duplicate of another ticket"));
    }

    @Test
    @DisplayName(
            "R-MT-1 a ticket cancelled after its response target passed unanswered keeps the breach on record")
    void R_MT_1_cancelling_after_the_target_passed_still_counts() throws Exception {
        long id = ticketDueInFiveSeconds("HW-CANCEL-LATE");
        assertThat(recordedBreaches(id)).isEmpty();
        Thread.sleep(5_500);
        move(VENDOR_A, id, "CANCELLED")
                .then()
                .statusCode(200)
                .body("responseBreached", equalTo(true));
        assertThat(recordedBreaches(id)).containsExactly("response");
        List<Integer> breached =
                given().auth()
                        .oauth2(ADMIN)
                        .queryParam("breached", true)
                        .queryParam("hardwareId", "HW-CANCEL-LATE")
                        .get("/tickets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id");
        assertThat(breached).containsExactly((int) id);
    }

    @Test
    @DisplayName(
            "R-MT-1 the breach sweep records a passed target beside the ticket: the ETag a client holds stays valid")
    void R_MT_1_the_sweep_does_not_bump_the_ticket_version() throws Exception {
        long id = ticketDueInFiveSeconds("HW-SWEEP-ETAG");
        String held = etagOf(id);
        Thread.sleep(5_500);
        breachMonitor.sweep();
        assertThat(recordedBreaches(id)).containsExactly("response");
        assertThat(etagOf(id)).isEqualTo(held);
        given().auth()
                .oauth2(ADMIN)
                .get("/tickets/" + id)
                .then()
                .body("ticket.responseBreached", equalTo(true));
        transition(VENDOR_A, id, held, Map.of("to", "ACKNOWLEDGED", "note", "on it"))
                .then()
                .statusCode(200);
        // the breach stays after the late acknowledgement
        assertThat(recordedBreaches(id)).containsExactly("response");
    }

    @Test
    @DisplayName(
            "SEC a vendor registers log media and opens sanitization orders only for hardware its organisation maintains")
    void SEC_a_vendor_acts_only_on_hardware_its_organisation_maintains() {
        long bTicket = workingTicket(VENDOR_B, "HW-NOT-B", "MEDIA_FAILURE");
        given().auth()
                .oauth2(VENDOR_B)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "kind",
                                "USB_FLASH",
                                "serial",
                                serial("LOG-B"),
                                "contents",
                                "BMC logs",
                                "holder",
                                "vendor-b engineer"))
                .post("/tickets/" + bTicket + "/log-media")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(VENDOR_B)
                .contentType(ContentType.JSON)
                .body(Map.of("hardwareIds", List.of("HW-NOT-B")))
                .post("/sanitization-orders")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(VENDOR_B)
                .contentType(ContentType.JSON)
                .body(Map.of("environment", "STAGING"))
                .post("/sanitization-orders")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(ADMIN)
                .queryParam("ticketId", bTicket)
                .get("/custody-items")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "0");
    }

    @Test
    @DisplayName(
            "SEC a serial another organisation holds answers 404 like an unknown one, never a 409 that shows it exists")
    void SEC_a_serial_of_another_organisation_is_404_not_409() {
        long aTicket = workingTicket(VENDOR_A, "HW-LEAK-A", "MEDIA_FAILURE");
        String ssd = serial("SSD-LEAK");
        replace(VENDOR_A, aTicket, replacementBody("SSD", ssd, "NEW")).then().statusCode(201);
        long bTicket = workingTicket(VENDOR_B, "HW-LEAK-B", "MEDIA_FAILURE");
        replace(VENDOR_B, bTicket, replacementBody("SSD", ssd, "NEW"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("medium " + ssd + " does not exist"));
        // vendor-a itself still learns of its own duplicate (409)
        long aSecond = workingTicket(VENDOR_A, "HW-LEAK-A2", "MEDIA_FAILURE");
        replace(VENDOR_A, aSecond, replacementBody("SSD", ssd, "NEW")).then().statusCode(409);
    }
}
