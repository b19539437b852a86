package io.kiban.maintenance.support;

import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.PDF;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.evidenceBody;
import static io.kiban.maintenance.Fixtures.removedPartInCustody;
import static io.kiban.maintenance.Fixtures.replace;
import static io.kiban.maintenance.Fixtures.replacementBody;
import static io.kiban.maintenance.Fixtures.serial;
import static io.kiban.maintenance.Fixtures.submit;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, hole 7: every POST of maintenance-service that creates something honours
 * Idempotency-Key — the same key and body answer the same (replayed), one row; the same key with
 * another body is 422.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class IdempotencyTest {

    private static RequestSpecification as(String token, String key) {
        return given().auth().oauth2(token).header("Idempotency-Key", key);
    }

    private static int count(String token, String path) {
        return given().auth()
                .oauth2(token)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
    }

    private static int total(String token, String path) {
        return Integer.parseInt(
                given().auth()
                        .oauth2(token)
                        .queryParam("size", 200)
                        .get(path)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("X-Total-Count"));
    }

    /**
     * Posts {@code body} twice with one key (same answer, replayed), then {@code other} with it
     * (422).
     */
    private static void replays(
            String token,
            String path,
            Object body,
            Object other,
            Supplier<Integer> rows,
            int rowsAfter) {
        String key = "idem-" + UUID.randomUUID();
        var first =
                as(token, key).contentType(ContentType.JSON).body(body).post(path).then().extract();
        assertThat(first.statusCode()).as(path).isBetween(200, 201);
        var second =
                as(token, key)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post(path)
                        .then()
                        .statusCode(first.statusCode())
                        .header("Idempotent-Replayed", "true")
                        .extract();
        assertThat(second.jsonPath().getString("id"))
                .as(path)
                .isEqualTo(first.jsonPath().getString("id"));
        assertThat(rows.get()).as(path + " rows").isEqualTo(rowsAfter);
        as(token, key)
                .contentType(ContentType.JSON)
                .body(other)
                .post(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertThat(rows.get()).as(path + " rows after the other body").isEqualTo(rowsAfter);
    }

    @Test
    @DisplayName("SEC Idempotency-Key on POST /tickets/{id}/log-media")
    void SEC_log_media_honour_idempotency_key() {
        long ticket = workingTicket(VENDOR_A, "HW-IDEM-LOG", "MEDIA_FAILURE");
        String logPath = "/tickets/" + ticket + "/log-media";
        replays(
                VENDOR_A,
                logPath,
                Map.of(
                        "kind",
                        "USB_FLASH",
                        "serial",
                        serial("LOG-USB"),
                        "contents",
                        "BMC logs",
                        "holder",
                        "vendor-a engineer"),
                Map.of(
                        "kind",
                        "USB_FLASH",
                        "serial",
                        serial("LOG-USB"),
                        "contents",
                        "other",
                        "holder",
                        "x"),
                () -> count(ADMIN, logPath),
                1);
    }

    @Test
    @DisplayName("SEC Idempotency-Key on POST /custody-items/{id}/handovers")
    void SEC_handovers_honour_idempotency_key() {
        long ticket = workingTicket(VENDOR_A, "HW-IDEM-HAND", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        // the chain holds REMOVED_ON_SITE and the fixture's handover; one more handover makes 3
        // events
        replays(
                VENDOR_A,
                "/custody-items/" + item + "/handovers",
                Map.of("holder", "courier", "location", "van 3"),
                Map.of("holder", "courier", "location", "van 4"),
                () ->
                        given().auth()
                                .oauth2(ADMIN)
                                .get("/custody-items/" + item)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("chain")
                                .size(),
                3);
    }

    @Test
    @DisplayName("SEC Idempotency-Key on POST /custody-items/{id}/evidence")
    void SEC_evidence_submission_honours_idempotency_key() {
        long ticket = workingTicket(VENDOR_A, "HW-IDEM-EVID", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        String evidencePath = "/custody-items/" + item + "/evidence";
        replays(
                VENDOR_A,
                evidencePath,
                evidenceBody("DESTROY", "SHRED"),
                evidenceBody("DESTROY", "CRUSH"),
                () -> count(ADMIN, evidencePath),
                1);
    }

    @Test
    @DisplayName(
            "SEC Idempotency-Key on POST /evidence/{id}/files (the same file replays, another file is 422)")
    void SEC_evidence_files_honour_idempotency_key() {
        long ticket = workingTicket(VENDOR_A, "HW-IDEM-FILE", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        long evidence =
                submit(VENDOR_A, item, evidenceBody("DESTROY", "SHRED"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        String key = "idem-file-" + UUID.randomUUID();
        String files = "/evidence/" + evidence + "/files";
        long fileId =
                as(VENDOR_A, key)
                        .multiPart("file", "c.pdf", PDF, "application/pdf")
                        .post(files)
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        as(VENDOR_A, key)
                .multiPart("file", "c.pdf", PDF, "application/pdf")
                .post(files)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo((int) fileId));
        byte[] other = (new String(PDF) + "% another\n").getBytes();
        as(VENDOR_A, key)
                .multiPart("file", "c.pdf", other, "application/pdf")
                .post(files)
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(ADMIN)
                .get("/evidence/" + evidence)
                .then()
                .body("files.size()", equalTo(1));
    }

    @Test
    @DisplayName("SEC Idempotency-Key on POST /contractors")
    void SEC_contractor_proposals_honour_idempotency_key() {
        String name = serial("Idem Recycling");
        int before = total(ADMIN, "/contractors");
        replays(
                ADMIN,
                "/contractors",
                Map.of("name", name, "scope", "HDD"),
                Map.of("name", name, "scope", "SSD"),
                () -> total(ADMIN, "/contractors"),
                before + 1);
    }

    @Test
    @DisplayName("SEC Idempotency-Key on POST /sanitization-orders")
    void SEC_sanitization_orders_honour_idempotency_key() {
        int orders = total(ADMIN, "/sanitization-orders");
        replays(
                VENDOR_A,
                "/sanitization-orders",
                Map.of("hardwareIds", List.of("HW-IDEM-ORDER")),
                Map.of("hardwareIds", List.of("HW-IDEM-ORDER-2")),
                () -> total(ADMIN, "/sanitization-orders"),
                orders + 1);
    }

    @Test
    @DisplayName("SEC Idempotency-Key on POST /tickets/{id}/replacements/{rid}/data-bearing")
    void SEC_data_bearing_declarations_honour_idempotency_key() {
        long ticket = workingTicket(VENDOR_A, "HW-IDEM-DB", "MEDIA_FAILURE");
        String replacementId =
                replace(VENDOR_A, ticket, replacementBody("FAN", serial("FAN"), "NEW"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getString("id");
        String declare = "/tickets/" + ticket + "/replacements/" + replacementId + "/data-bearing";
        String key = "idem-db-" + UUID.randomUUID();
        long custody =
                as(VENDOR_A, key)
                        .contentType(ContentType.JSON)
                        .body(Map.of("reason", "fan has a flash chip"))
                        .post(declare)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("custodyItemId");
        as(VENDOR_A, key)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "fan has a flash chip"))
                .post(declare)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("custodyItemId", equalTo((int) custody));
        as(VENDOR_A, key)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "another reason"))
                .post(declare)
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(ADMIN)
                .queryParam("ticketId", ticket)
                .get("/custody-items")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1");
    }
}
