package io.kiban.maintenance.evidence;

import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.ADMIN2;
import static io.kiban.maintenance.Fixtures.AUDITOR;
import static io.kiban.maintenance.Fixtures.PDF;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.decide;
import static io.kiban.maintenance.Fixtures.etag;
import static io.kiban.maintenance.Fixtures.evidenceBody;
import static io.kiban.maintenance.Fixtures.purgeException;
import static io.kiban.maintenance.Fixtures.removedPartInCustody;
import static io.kiban.maintenance.Fixtures.serial;
import static io.kiban.maintenance.Fixtures.submit;
import static io.kiban.maintenance.Fixtures.upload;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.Fixtures;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-SEC-2 and R-MT-4 (issue 13, holes 4 and 5): approvals of the version reviewed, never by the one
 * who recorded.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class SegregationTest {

    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    private static long submitted(String submitter, long item) {
        return submit(submitter, item, evidenceBody("DESTROY", "SHRED"))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    @DisplayName("SEC R-SEC-2 the account that submitted evidence never accepts or rejects it")
    void SEC_R_SEC_2_the_submitter_never_decides_on_its_evidence() {
        long ticket = workingTicket(ADMIN, "HW-SOD-1", "MEDIA_FAILURE");
        long item = removedPartInCustody(ADMIN, ticket, "HDD");
        long evidence = submitted(ADMIN, item);
        upload(ADMIN2, evidence, "certificate.pdf", PDF, "application/pdf").then().statusCode(201);
        // ADMIN submitted, ADMIN2 uploaded: neither may decide
        for (String self : new String[] {ADMIN, ADMIN2}) {
            decide(self, evidence, "acceptance", Map.of("reason", "ok"))
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("R-SEC-2"));
            decide(self, evidence, "rejection", Map.of("reason", "no"))
                    .then()
                    .statusCode(403)
                    .body("detail", containsString("R-SEC-2"));
        }
        given().auth()
                .oauth2(ADMIN)
                .get("/evidence/" + evidence)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        String third = io.kiban.commons.testing.Tokens.token("jpo-admin3", "jpo", "jpo-admin");
        decide(third, evidence, "acceptance", Map.of("reason", "certificate checked"))
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo("jpo-admin3"));
    }

    @Test
    @DisplayName("SEC R-SEC-2 the account that uploaded a file of the evidence never accepts it")
    void SEC_R_SEC_2_the_uploader_never_accepts() {
        long ticket = workingTicket(VENDOR_A, "HW-SOD-2", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "SSD");
        long evidence = submitted(VENDOR_A, item);
        upload(ADMIN, evidence, "photo.pdf", PDF, "application/pdf").then().statusCode(201);
        decide(ADMIN, evidence, "acceptance", Map.of())
                .then()
                .statusCode(403)
                .body("detail", containsString("R-SEC-2"));
        decide(ADMIN2, evidence, "acceptance", Map.of())
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    @DisplayName(
            "R-SEC-2 a PURGE exception needs If-Match and is never approved by the account that recorded the part")
    void R_SEC_2_purge_exceptions_need_if_match_and_another_admin() {
        long ticket = workingTicket(ADMIN, "HW-SOD-PURGE", "MINOR_NOT_CONTROLLER");
        long item = removedPartInCustody(ADMIN, ticket, "SSD");
        given().auth()
                .oauth2(ADMIN2)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "minor"))
                .post("/custody-items/" + item + "/purge-exception")
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(ADMIN2)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("reason", "minor"))
                .post("/custody-items/" + item + "/purge-exception")
                .then()
                .statusCode(412);
        purgeException(ADMIN, item, "read errors only")
                .then()
                .statusCode(403)
                .body("detail", containsString("R-SEC-2"));
        purgeException(ADMIN2, item, "read errors only")
                .then()
                .statusCode(200)
                .body("purgeApprovedBy", equalTo("jpo-admin2"));
    }

    @Test
    @DisplayName(
            "R-MT-4 R-SEC-2 a contractor is approved at server time, with If-Match, by a jpo-admin who did not propose it")
    void R_MT_4_contractor_approval_is_server_time_if_match_and_four_eyes() {
        long id =
                given().auth()
                        .oauth2(ADMIN)
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", serial("Kanto Shred"), "scope", "SSD shredding"))
                        .post("/contractors")
                        .then()
                        .statusCode(201)
                        .body("status", equalTo("PROPOSED"))
                        .body("approvedAt", org.hamcrest.Matchers.nullValue())
                        .extract()
                        .jsonPath()
                        .getLong("id");
        String path = "/contractors/" + id + "/approval";
        given().auth()
                .oauth2(ADMIN2)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post(path)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(ADMIN2)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"9\"")
                .body(Map.of())
                .post(path)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", etag("/contractors/" + id))
                .body(Map.of())
                .post(path)
                .then()
                .statusCode(403)
                .body("detail", containsString("R-SEC-2"));
        given().auth()
                .oauth2(VENDOR_A)
                .contentType(ContentType.JSON)
                .header("If-Match", etag("/contractors/" + id))
                .body(Map.of())
                .post(path)
                .then()
                .statusCode(403);
        // a typed approval date is refused (400), the approval time is the server's
        given().auth()
                .oauth2(ADMIN2)
                .contentType(ContentType.JSON)
                .header("If-Match", etag("/contractors/" + id))
                .body(Map.of("approvedOn", "2020-01-01"))
                .post(path)
                .then()
                .statusCode(400);
        Instant before = Instant.now();
        String approvedAt =
                given().auth()
                        .oauth2(ADMIN2)
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag("/contractors/" + id))
                        .body(Map.of("note", "METI guideline checked"))
                        .post(path)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("APPROVED"))
                        .body("approvedBy", equalTo("jpo-admin2"))
                        .extract()
                        .jsonPath()
                        .getString("approvedAt");
        assertThat(Duration.between(before, Instant.parse(approvedAt)).abs())
                .isLessThan(Duration.ofMinutes(1));
        // audited
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("entityType", "contractor")
                .queryParam("entityId", id)
                .get("/audit")
                .then()
                .statusCode(200)
                .body(containsString("approve-contractor"));
    }

    @Test
    @DisplayName(
            "R-MT-4 a certificate dated before JPO recorded the approval, or for a proposed contractor, is refused")
    void R_MT_4_a_certificate_before_the_approval_moment_is_refused() {
        long proposed =
                given().auth()
                        .oauth2(VENDOR_A)
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", serial("Proposed Only"), "scope", "HDD"))
                        .post("/contractors")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        long approved = Fixtures.approvedContractor(VENDOR_A, ADMIN, serial("Approved Today"));
        long ticket = workingTicket(VENDOR_A, "HW-SOD-CERT", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        var cert = evidenceBody("DESTROY", "SHRED");
        cert.put("issuer", "CONTRACTOR");
        cert.put("contractorId", proposed);
        cert.put("performedOn", LocalDate.now(JST).toString());
        submit(VENDOR_A, item, cert)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-MT-4"))
                .body("detail", containsString("only proposed"));
        cert.put("contractorId", approved);
        cert.put("performedOn", LocalDate.now(JST).minusDays(1).toString());
        submit(VENDOR_A, item, cert).then().statusCode(422).body("rule", equalTo("R-MT-4"));
        cert.put("performedOn", LocalDate.now(JST).toString());
        submit(VENDOR_A, item, cert).then().statusCode(201).body("id", notNullValue());
    }

    @Test
    @DisplayName(
            "R-MT-4 a revocation takes effect when recorded; a typed revocation date is refused")
    void R_MT_4_revocation_takes_effect_when_recorded() {
        long contractor = Fixtures.approvedContractor(ADMIN, ADMIN2, serial("Revoked Recycling"));
        String path = "/contractors/" + contractor + "/revocation";
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", etag("/contractors/" + contractor))
                .body(Map.of("revokedOn", "2099-01-01", "reason", "licence lapsed"))
                .post(path)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "licence lapsed"))
                .post(path)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", etag("/contractors/" + contractor))
                .body(Map.of("reason", "licence lapsed"))
                .post(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("revokedAt", notNullValue());
        long ticket = workingTicket(VENDOR_A, "HW-SOD-REV", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        var cert = evidenceBody("DESTROY", "SHRED");
        cert.put("issuer", "CONTRACTOR");
        cert.put("contractorId", contractor);
        cert.put("performedOn", LocalDate.now(JST).toString());
        submit(VENDOR_A, item, cert)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-MT-4"))
                .body("detail", containsString("revoked"));
    }

    @Test
    @DisplayName(
            "R-MT-5 overwriting an NVMe is CLEAR, not PURGE; the device's sanitize command is PURGE")
    void R_MT_5_overwrite_on_nvme_is_clear_not_purge() {
        long ticket = workingTicket(VENDOR_A, "HW-NVME-OW", "MINOR_NOT_CONTROLLER");
        long nvme = removedPartInCustody(VENDOR_A, ticket, "NVME");
        long hdd = removedPartInCustody(VENDOR_A, ticket, "HDD");
        purgeException(ADMIN, nvme, "read errors only").then().statusCode(200);
        purgeException(ADMIN, hdd, "read errors only").then().statusCode(200);
        submit(VENDOR_A, nvme, evidenceBody("PURGE", "OVERWRITE"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-MT-5"))
                .body("detail", containsString("CLEAR"));
        submit(VENDOR_A, nvme, evidenceBody("PURGE", "DEGAUSS"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-MT-5"));
        submit(VENDOR_A, nvme, evidenceBody("PURGE", "SANITIZE_COMMAND")).then().statusCode(201);
        submit(VENDOR_A, hdd, evidenceBody("PURGE", "OVERWRITE")).then().statusCode(201);
    }
}
