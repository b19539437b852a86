package io.kiban.maintenance.evidence;

import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.AUDITOR;
import static io.kiban.maintenance.Fixtures.PDF;
import static io.kiban.maintenance.Fixtures.STAFF;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.VENDOR_B;
import static io.kiban.maintenance.Fixtures.acceptedEvidence;
import static io.kiban.maintenance.Fixtures.decide;
import static io.kiban.maintenance.Fixtures.evidenceBody;
import static io.kiban.maintenance.Fixtures.handover;
import static io.kiban.maintenance.Fixtures.move;
import static io.kiban.maintenance.Fixtures.removedPartInCustody;
import static io.kiban.maintenance.Fixtures.serial;
import static io.kiban.maintenance.Fixtures.submit;
import static io.kiban.maintenance.Fixtures.upload;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.Fixtures;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class EvidenceTest {

    static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
    };
    static final byte[] JPEG = {
        (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'
    };

    @Test
    void the_custody_chain_runs_from_removal_to_accepted_evidence_and_handovers_are_appended() {
        long ticket = workingTicket(VENDOR_A, "HW-CHAIN", "MEDIA_FAILURE");
        long item = Fixtures2.removed(ticket, "HDD");
        submit(VENDOR_A, item, evidenceBody("DESTROY", "SHRED")).then().statusCode(409);
        handover(VENDOR_A, item, "engineer Sato")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_CUSTODY"));
        handover(VENDOR_A, item, "vendor-a secure depot")
                .then()
                .statusCode(200)
                .body("holder", equalTo("vendor-a secure depot"));
        long evidence = acceptedEvidence(VENDOR_A, item);
        given().auth()
                .oauth2(VENDOR_A)
                .get("/custody-items/" + item)
                .then()
                .statusCode(200)
                .body("item.status", equalTo("EVIDENCE_ACCEPTED"))
                .body(
                        "chain.event",
                        equalTo(
                                List.of(
                                        "REMOVED_ON_SITE",
                                        "HANDOVER",
                                        "HANDOVER",
                                        "EVIDENCE_SUBMITTED",
                                        "EVIDENCE_ACCEPTED")))
                .body("chain[1].holder", equalTo("engineer Sato"))
                .body("evidenceIds", equalTo(List.of((int) evidence)));
        handover(VENDOR_A, item, "someone else").then().statusCode(409);
        given().auth()
                .oauth2(VENDOR_A)
                .get("/evidence/" + evidence)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo("jpo-admin1"))
                .body("mediaType", equalTo("HDD"))
                .body("files[0].sha256", equalTo(sha256(PDF)));
    }

    @Test
    void rejected_evidence_keeps_its_reason_and_the_vendor_resubmits() {
        long ticket = workingTicket(VENDOR_A, "HW-REJ", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "SSD");
        long first =
                submit(VENDOR_A, item, evidenceBody("DESTROY", "SHRED"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        submit(VENDOR_A, item, evidenceBody("DESTROY", "SHRED")).then().statusCode(409);
        decide(VENDOR_A, first, "rejection", Map.of("reason", "x")).then().statusCode(403);
        decide(ADMIN, first, "rejection", Map.of()).then().statusCode(400);
        decide(ADMIN, first, "rejection", Map.of("reason", "photo does not show the serial number"))
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decisionReason", equalTo("photo does not show the serial number"));
        decide(ADMIN, first, "acceptance", Map.of()).then().statusCode(409);
        long second =
                submit(VENDOR_A, item, evidenceBody("DESTROY", "DISINTEGRATE"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        decide(ADMIN, second, "acceptance", Map.of())
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-MT-3"));
        upload(VENDOR_A, second, "photo.png", PNG, "image/png").then().statusCode(201);
        decide(ADMIN, second, "acceptance", Map.of()).then().statusCode(200);
        given().auth()
                .oauth2(VENDOR_A)
                .get("/custody-items/" + item + "/evidence")
                .then()
                .statusCode(200)
                .body("status", equalTo(List.of("REJECTED", "ACCEPTED")));
    }

    @Test
    @DisplayName("R-MT-5 CLEAR is never accepted, whatever the fault")
    void R_MT_5_clear_is_refused() {
        long ticket = workingTicket(VENDOR_A, "HW-CLEAR", "MINOR_NOT_CONTROLLER");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        submit(VENDOR_A, item, evidenceBody("CLEAR", "OVERWRITE"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-MT-5"));
        submit(VENDOR_A, item, evidenceBody("DESTROY", "OVERWRITE"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-MT-5"));
    }

    @Test
    void R_MT_5_purge_needs_a_minor_fault_and_a_prior_jpo_admin_exception() {
        long major = workingTicket(VENDOR_A, "HW-PURGE1", "CONTROLLER_FAILURE");
        long majorItem = removedPartInCustody(VENDOR_A, major, "SSD");
        submit(VENDOR_A, majorItem, evidenceBody("PURGE", "CRYPTO_ERASE"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-MT-5"));
        Fixtures.purgeException(ADMIN, majorItem, "minor")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-MT-5"));

        long minor = workingTicket(VENDOR_A, "HW-PURGE2", "MINOR_NOT_CONTROLLER");
        long minorItem = removedPartInCustody(VENDOR_A, minor, "SSD");
        submit(VENDOR_A, minorItem, evidenceBody("PURGE", "CRYPTO_ERASE"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-MT-5"))
                .body("detail", containsString("exception"));
        Fixtures.purgeException(VENDOR_A, minorItem, "please").then().statusCode(403);
        Fixtures.purgeException(
                        ADMIN, minorItem, "frequent read errors only; controller unaffected")
                .then()
                .statusCode(200)
                .body("purgeApprovedBy", equalTo("jpo-admin1"));
        submit(VENDOR_A, minorItem, evidenceBody("PURGE", "CRYPTO_ERASE"))
                .then()
                .statusCode(201)
                .body("method", equalTo("PURGE"));
    }

    @Test
    @DisplayName("R-MT-5 degaussing is refused for flash media and accepted for magnetic ones")
    void R_MT_5_degaussing_an_ssd_is_refused() {
        long ticket = workingTicket(VENDOR_A, "HW-DEGAUSS", "MINOR_NOT_CONTROLLER");
        long ssd = removedPartInCustody(VENDOR_A, ticket, "SSD");
        long hdd = removedPartInCustody(VENDOR_A, ticket, "HDD");
        for (long item : new long[] {ssd, hdd}) {
            Fixtures.purgeException(ADMIN, item, "minor fault").then().statusCode(200);
        }
        submit(VENDOR_A, ssd, evidenceBody("PURGE", "DEGAUSS"))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-MT-5"))
                .body("detail", containsString("SSD"));
        submit(VENDOR_A, hdd, evidenceBody("PURGE", "DEGAUSS")).then().statusCode(201);
    }

    @Test
    @DisplayName(
            "R-MT-4 a contractor certificate counts from the day JPO recorded the approval until its revocation")
    void R_MT_4_contractor_certificates_need_an_approval_valid_on_the_certificate_date() {
        String name = serial("Tokyo Eco Recycling");
        long contractor = Fixtures.approvedContractor(VENDOR_A, ADMIN, name);
        // a typed approval date is not part of the API: the strict reader refuses it (400)
        given().auth()
                .oauth2(VENDOR_A)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x", "scope", "y", "approvedOn", "2027-01-01"))
                .post("/contractors")
                .then()
                .statusCode(400);
        long ticket = workingTicket(VENDOR_A, "HW-CONTRACTOR", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");

        var unknown = evidenceBody("DESTROY", "SHRED");
        unknown.put("issuer", "CONTRACTOR");
        unknown.put("contractorId", 999_999);
        submit(VENDOR_A, item, unknown).then().statusCode(422).body("rule", equalTo("R-MT-4"));
        var noId = evidenceBody("DESTROY", "SHRED");
        noId.put("issuer", "CONTRACTOR");
        submit(VENDOR_A, item, noId).then().statusCode(400);
        var beforeApproval = evidenceBody("DESTROY", "SHRED");
        beforeApproval.put("issuer", "CONTRACTOR");
        beforeApproval.put("contractorId", contractor);
        beforeApproval.put(
                "performedOn",
                LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusDays(1).toString());
        submit(VENDOR_A, item, beforeApproval)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-MT-4"))
                .body("detail", containsString("approved by JPO only at"));
        var valid = evidenceBody("DESTROY", "SHRED");
        valid.put("issuer", "CONTRACTOR");
        valid.put("contractorId", contractor);
        valid.put("performedOn", LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString());
        submit(VENDOR_A, item, valid)
                .then()
                .statusCode(201)
                .body("contractorId", equalTo((int) contractor));
    }

    @Test
    @DisplayName(
            "R-MT-6 accepted evidence is WORM: no API path changes it and the database refuses UPDATE and DELETE")
    void R_MT_6_accepted_evidence_can_never_change() throws Exception {
        long ticket = workingTicket(VENDOR_A, "HW-WORM", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "NVME");
        long evidence = acceptedEvidence(VENDOR_A, item);
        upload(VENDOR_A, evidence, "late.pdf", PDF, "application/pdf").then().statusCode(409);
        decide(ADMIN, evidence, "rejection", Map.of("reason", "changed my mind"))
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .put("/evidence/" + evidence)
                .then()
                .statusCode(405);
        given().auth().oauth2(ADMIN).delete("/evidence/" + evidence).then().statusCode(405);
        try (Connection db = TestDatabase.connect()) {
            assertThatThrownBy(
                            () ->
                                    db.createStatement()
                                            .executeUpdate(
                                                    "UPDATE evidence SET method = 'PURGE' WHERE id = "
                                                            + evidence))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("R-MT-6");
            assertThatThrownBy(
                            () ->
                                    db.createStatement()
                                            .executeUpdate(
                                                    "DELETE FROM evidence WHERE id = " + evidence))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("R-MT-6");
            assertThatThrownBy(
                            () ->
                                    db.createStatement()
                                            .executeUpdate(
                                                    "UPDATE evidence_file SET sha256 = 'x' WHERE evidence_id = "
                                                            + evidence))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("R-MT-6");
            assertThatThrownBy(
                            () ->
                                    db.createStatement()
                                            .executeUpdate(
                                                    "DELETE FROM evidence_file WHERE evidence_id = "
                                                            + evidence))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("R-MT-6");
            assertThatThrownBy(
                            () ->
                                    db.createStatement()
                                            .executeUpdate(
                                                    "DELETE FROM custody_event WHERE item_id = "
                                                            + item))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        given().auth()
                .oauth2(AUDITOR)
                .get("/evidence/" + evidence)
                .then()
                .statusCode(200)
                .body("method", equalTo("DESTROY"));
    }

    @Test
    void R_MT_6_a_ticket_cannot_close_while_a_data_bearing_item_lacks_accepted_evidence() {
        long ticket = workingTicket(VENDOR_A, "HW-GATE", "MEDIA_FAILURE");
        long part = removedPartInCustody(VENDOR_A, ticket, "SSD");
        String partSerial =
                given().auth()
                        .oauth2(VENDOR_A)
                        .get("/custody-items/" + part)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("item.serial");
        long log =
                given().auth()
                        .oauth2(VENDOR_A)
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "kind",
                                        "USB_FLASH",
                                        "serial",
                                        "USB-" + part,
                                        "contents",
                                        "BMC SEL and RAID logs",
                                        "holder",
                                        "engineer Sato"))
                        .post("/tickets/" + ticket + "/log-media")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        move(VENDOR_A, ticket, "RESOLVED").then().statusCode(200);
        move(ADMIN, ticket, "CANCELLED").then().statusCode(409);
        move(ADMIN, ticket, "CLOSED")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-MT-6"))
                .body("conflicts.id", hasItems(partSerial, "USB-" + part))
                .body("conflicts.kind", hasItems("part", "log-medium"));
        acceptedEvidence(VENDOR_A, part);
        move(ADMIN, ticket, "CLOSED")
                .then()
                .statusCode(409)
                .body("conflicts.id", equalTo(List.of("USB-" + part)));
        acceptedEvidence(VENDOR_A, log);
        move(ADMIN, ticket, "CLOSED").then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void R_MT_3_failure_log_media_are_registered_on_the_ticket_and_need_evidence() {
        long ticket = workingTicket(VENDOR_A, "HW-LOGS", "FIRMWARE");
        given().auth()
                .oauth2(VENDOR_A)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "kind",
                                "USB_FLASH",
                                "serial",
                                "LOG-USB-1",
                                "contents",
                                "syslog",
                                "holder",
                                "Sato"))
                .post("/tickets/" + ticket + "/log-media")
                .then()
                .statusCode(201)
                .body("source", equalTo("LOG_MEDIUM"))
                .body("status", equalTo("IN_CUSTODY"))
                .body("holder", equalTo("Sato"))
                .body("contents", equalTo("syslog"));
        given().auth()
                .oauth2(VENDOR_A)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "kind",
                                "USB_FLASH",
                                "serial",
                                "LOG-USB-1",
                                "contents",
                                "again",
                                "holder",
                                "Sato"))
                .post("/tickets/" + ticket + "/log-media")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(VENDOR_A)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "FAN", "serial", "LOG-FAN", "contents", "x", "holder", "Sato"))
                .post("/tickets/" + ticket + "/log-media")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(VENDOR_B)
                .contentType(ContentType.JSON)
                .body(
                        Map.of(
                                "kind",
                                "USB_FLASH",
                                "serial",
                                "LOG-USB-B",
                                "contents",
                                "x",
                                "holder",
                                "B"))
                .post("/tickets/" + ticket + "/log-media")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(STAFF)
                .get("/media/LOG-USB-1/evidence-status")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_CUSTODY"))
                .body("accepted", equalTo(false));
    }

    @Test
    void R_MT_7_another_organisations_custody_items_and_evidence_are_404() {
        long ticket = workingTicket(VENDOR_A, "HW-ORG-E", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "SSD");
        long evidence =
                submit(VENDOR_A, item, evidenceBody("DESTROY", "SHRED"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        long file =
                upload(VENDOR_A, evidence, "c.pdf", PDF, "application/pdf")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        given().auth().oauth2(VENDOR_B).get("/custody-items/" + item).then().statusCode(404);
        handover(VENDOR_B, item, "thief").then().statusCode(404);
        submit(VENDOR_B, item, evidenceBody("DESTROY", "SHRED")).then().statusCode(404);
        given().auth().oauth2(VENDOR_B).get("/evidence/" + evidence).then().statusCode(404);
        upload(VENDOR_B, evidence, "c.pdf", PDF, "application/pdf").then().statusCode(404);
        given().auth()
                .oauth2(VENDOR_B)
                .get("/evidence/" + evidence + "/files/" + file)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(VENDOR_B)
                .get("/custody-items/" + item + "/evidence")
                .then()
                .statusCode(404);
        List<Integer> listed =
                given().auth()
                        .oauth2(VENDOR_B)
                        .get("/custody-items")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id");
        assertThat(listed).doesNotContain((int) item);
        given().auth().oauth2(VENDOR_B).get("/media/x/evidence-status").then().statusCode(403);
    }

    @Test
    void evidence_files_are_checked_by_content_size_and_never_use_the_client_name()
            throws Exception {
        long ticket = workingTicket(VENDOR_A, "HW-FILES", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        long evidence =
                submit(VENDOR_A, item, evidenceBody("DESTROY", "PULVERIZE"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        upload(
                        VENDOR_A,
                        evidence,
                        "cert.pdf",
                        "<html><script>alert(1)</script>".getBytes(),
                        "application/pdf")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        upload(VENDOR_A, evidence, "photo.png", JPEG, "image/png").then().statusCode(415);
        upload(VENDOR_A, evidence, "empty.pdf", new byte[0], "application/pdf")
                .then()
                .statusCode(415);
        byte[] big = new byte[2 * 1024 * 1024 + 10];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload(VENDOR_A, evidence, "big.pdf", big, "application/pdf")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(VENDOR_A)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/evidence/" + evidence + "/files")
                .then()
                .statusCode(415);

        Path root = Path.of("target/evidence").toAbsolutePath();
        for (String name :
                List.of(
                        "../../../etc/passwd.pdf",
                        "%2e%2e%2f%2e%2e%2fescape.pdf",
                        "..\\..\\win.pdf")) {
            long id =
                    upload(VENDOR_A, evidence, name, PDF, "application/pdf")
                            .then()
                            .statusCode(201)
                            .body("sha256", equalTo(sha256(PDF)))
                            // kept as metadata only (a client library may escape backslashes in the
                            // part header)
                            .body(
                                    "originalName",
                                    name.contains("\\") ? containsString("win.pdf") : equalTo(name))
                            .extract()
                            .jsonPath()
                            .getLong("id");
            var download =
                    given().auth().oauth2(VENDOR_A).get("/evidence/" + evidence + "/files/" + id);
            download.then()
                    .statusCode(200)
                    .contentType("application/pdf")
                    .header("X-Content-Type-Options", "nosniff")
                    .header(
                            "Content-Disposition",
                            containsString("attachment; filename=\"evidence-" + evidence))
                    .header("Content-Disposition", containsString("filename*=UTF-8''"));
            assertThat(download.header("Content-Disposition")).doesNotContain("..", "/", "\\");
            // the checksum in RFC 9530's Repr-Digest (base64 of the SHA-256 bytes), not the
            // obsolete Digest header
            assertThat(download.header("Repr-Digest"))
                    .isEqualTo(
                            "sha-256=:"
                                    + java.util.Base64.getEncoder()
                                            .encodeToString(
                                                    java.util.HexFormat.of().parseHex(sha256(PDF)))
                                    + ":");
            assertThat(download.header("Digest")).isNull();
            assertThat(download.asByteArray()).isEqualTo(PDF);
        }
        for (String name : List.of("evil\r\nX-Injected: 1.pdf", "nul\u0000byte.pdf")) {
            int status =
                    upload(VENDOR_A, evidence, name, PDF, "application/pdf")
                            .then()
                            .extract()
                            .statusCode();
            assertThat(status).as(name).isIn(201, 400);
        }
        try (var walk = Files.walk(root)) {
            assertThat(walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.matches("[0-9a-f]{64}"));
        }
        assertThat(Path.of("target/escape.pdf")).doesNotExist();
        assertThat(root.resolveSibling("etc")).doesNotExist();
        long jpeg =
                upload(VENDOR_A, evidence, "photo of shredding.jpg", JPEG, "image/jpeg")
                        .then()
                        .statusCode(201)
                        .body("contentType", equalTo("image/jpeg"))
                        .extract()
                        .jsonPath()
                        .getLong("id");
        given().auth()
                .oauth2(VENDOR_A)
                .get("/evidence/" + evidence + "/files/" + jpeg)
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .header(
                        "Content-Disposition",
                        containsString("filename*=UTF-8''photo%20of%20shredding.jpg"));
        // RFC 6266/5987 encoding of a Japanese name (the test client cannot send UTF-8 part
        // headers)
        EvidenceFile japanese = new EvidenceFile();
        japanese.id = 9L;
        japanese.evidenceId = 7L;
        japanese.contentType = "application/pdf";
        japanese.originalName = "../証跡\r\n写真*.pdf";
        assertThat(
                        io.kiban.commons.web.Downloads.contentDisposition(
                                EvidenceStore.displayName(japanese.originalName),
                                EvidenceResource.fallbackName(japanese)))
                .isEqualTo(
                        "attachment; filename=\"evidence-7-9.pdf\"; filename*=UTF-8''%E8%A8%BC%E8%B7%A1%E5%86%99%E7%9C%9F%2A.pdf");
    }

    @Test
    @DisplayName(
            "R-MT-6 acceptance and rejection need If-Match: 428 without, 412 when stale (a file added since)")
    void R_MT_6_decisions_need_if_match_and_a_file_added_after_reading_makes_it_stale() {
        long ticket = workingTicket(VENDOR_A, "HW-IFMATCH", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "SSD");
        var submitted =
                submit(VENDOR_A, item, evidenceBody("DESTROY", "SHRED"))
                        .then()
                        .statusCode(201)
                        .extract();
        long evidence = submitted.jsonPath().getLong("id");
        String atSubmission = submitted.header("ETag");
        String afterFirstFile =
                upload(VENDOR_A, evidence, "certificate.pdf", PDF, "application/pdf")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("ETag");
        assertThat(afterFirstFile).isNotNull().isNotEqualTo(atSubmission);
        assertThat(Fixtures.evidenceEtag(evidence)).isEqualTo(afterFirstFile);

        for (String decision : List.of("acceptance", "rejection")) {
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "checked"))
                    .post("/evidence/" + evidence + "/" + decision)
                    .then()
                    .statusCode(428)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .header("If-Match", atSubmission)
                    .body(Map.of("reason", "checked"))
                    .post("/evidence/" + evidence + "/" + decision)
                    .then()
                    .statusCode(412)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .header("If-Match", "\"not-a-version\"")
                    .body(Map.of("reason", "checked"))
                    .post("/evidence/" + evidence + "/" + decision)
                    .then()
                    .statusCode(412);
        }
        // the vendor adds a photo after jpo-admin read the record: accepting what was read is now
        // stale
        upload(VENDOR_A, evidence, "photo.png", PNG, "image/png").then().statusCode(201);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", afterFirstFile)
                .body(Map.of("reason", "certificate checked"))
                .post("/evidence/" + evidence + "/acceptance")
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(VENDOR_B)
                .contentType(ContentType.JSON)
                .header("If-Match", afterFirstFile)
                .body(Map.of())
                .post("/evidence/" + evidence + "/acceptance")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(VENDOR_A)
                .get("/evidence/" + evidence)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        String current = Fixtures.evidenceEtag(evidence);
        var accepted =
                given().auth()
                        .oauth2(ADMIN)
                        .contentType(ContentType.JSON)
                        .header("If-Match", current)
                        .body(Map.of("reason", "certificate and photo checked"))
                        .post("/evidence/" + evidence + "/acceptance")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("ACCEPTED"))
                        .body("files.size()", equalTo(2))
                        .extract();
        assertThat(accepted.header("ETag")).isNotNull().isNotEqualTo(current);
        // once decided, a replay with the (now stale) ETag is 412, with the new one 409 (WORM)
        decide(ADMIN, evidence, "rejection", Map.of("reason", "too late")).then().statusCode(409);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", current)
                .body(Map.of("reason", "too late"))
                .post("/evidence/" + evidence + "/rejection")
                .then()
                .statusCode(412);
    }

    @Test
    @DisplayName(
            "Evidence files: exactly the configured limit is stored, one byte more is 413 (test profile: 2M)")
    void evidence_files_of_exactly_the_limit_are_stored_and_one_byte_more_is_413() {
        // the test profile uses 2M (not the 20M default, see EvidenceLimitConfigTest) to keep the
        // suite fast
        long limit =
                ConfigProvider.getConfig()
                        .getValue("kiban.evidence.max-file-size", MemorySize.class)
                        .asLongValue();
        assertThat(limit).isEqualTo(2L * 1024 * 1024);
        assertThat(
                        ConfigProvider.getConfig()
                                .getValue(UploadLimitConfigFactory.REQUEST, Long.class))
                .as("the multipart request may carry the file plus its headers")
                .isEqualTo(limit + 64 * 1024);
        long ticket = workingTicket(VENDOR_A, "HW-LIMIT", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        long evidence =
                submit(VENDOR_A, item, evidenceBody("DESTROY", "SHRED"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        byte[] exact = new byte[(int) limit];
        new java.util.Random(42).nextBytes(exact);
        System.arraycopy(PDF, 0, exact, 0, PDF.length);
        upload(VENDOR_A, evidence, "exact.pdf", exact, "application/pdf")
                .then()
                .statusCode(201)
                .body("sizeBytes", equalTo((int) limit))
                .body("sha256", equalTo(sha256(exact)));
        byte[] over = java.util.Arrays.copyOf(exact, (int) limit + 1);
        over[(int) limit] = 'x';
        upload(VENDOR_A, evidence, "over.pdf", over, "application/pdf")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString(String.valueOf(limit)));
        // far above: refused from Content-Length before the body is read
        byte[] far = java.util.Arrays.copyOf(exact, (int) limit + 128 * 1024);
        upload(VENDOR_A, evidence, "far.pdf", far, "application/pdf")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(VENDOR_A)
                .get("/evidence/" + evidence)
                .then()
                .statusCode(200)
                .body("files.size()", equalTo(1))
                .body("files[0].sizeBytes", equalTo((int) limit));
    }

    @Test
    @DisplayName("R-MT-6 an evidence file whose checksum no longer matches is not served")
    void R_MT_6_a_tampered_file_fails_its_checksum_when_read() throws Exception {
        long ticket = workingTicket(VENDOR_A, "HW-TAMPER", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        long evidence =
                submit(VENDOR_A, item, evidenceBody("DESTROY", "SHRED"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        byte[] unique = (new String(PDF) + "% tamper " + serial("t")).getBytes();
        var stored =
                upload(VENDOR_A, evidence, "c.pdf", unique, "application/pdf")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        String sha = stored.getString("sha256");
        Path file = Path.of("target/evidence", sha.substring(0, 2), sha);
        assertThat(file).exists();
        file.toFile().setWritable(true);
        Files.write(file, "%PDF-1.7 forged".getBytes());
        given().auth()
                .oauth2(ADMIN)
                .get("/evidence/" + evidence + "/files/" + stored.getLong("id"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-MT-6"));
        decide(ADMIN, evidence, "acceptance", Map.of()).then().statusCode(409);
    }

    @Test
    @DisplayName(
            "R-RM-4 the archive reads each evidence file by its SHA-256 with the service token, checksum verified")
    void R_RM_4_evidence_files_by_checksum_for_the_archive() throws Exception {
        long ticket = workingTicket(VENDOR_A, "HW-ARCHIVE", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        long evidence =
                submit(VENDOR_A, item, evidenceBody("DESTROY", "SHRED"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        byte[] unique = (new String(PDF) + "% archive " + serial("a")).getBytes();
        String sha =
                upload(VENDOR_A, evidence, "cert.pdf", unique, "application/pdf")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getString("sha256");
        assertThat(sha).isEqualTo(sha256(unique));

        byte[] served =
                given().auth()
                        .oauth2(Fixtures.SERVICE)
                        .get("/evidence-files/" + sha)
                        .then()
                        .statusCode(200)
                        .contentType("application/pdf")
                        .extract()
                        .asByteArray();
        assertThat(served).isEqualTo(unique);
        // the export lists it, so the archive can find it
        given().auth()
                .oauth2(Fixtures.SERVICE)
                .get("/exports/records.json")
                .then()
                .statusCode(200)
                .body(containsString(sha));
        given().auth()
                .oauth2(Fixtures.SERVICE)
                .get("/evidence-files/" + "0".repeat(64))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Fixtures.SERVICE)
                .get("/evidence-files/not-a-checksum")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        for (String other : List.of(ADMIN, STAFF, AUDITOR, VENDOR_A)) {
            given().auth().oauth2(other).get("/evidence-files/" + sha).then().statusCode(403);
        }
        given().get("/evidence-files/" + sha).then().statusCode(401);

        Path file = Path.of("target/evidence", sha.substring(0, 2), sha);
        file.toFile().setWritable(true);
        Files.write(file, "%PDF-1.7 forged".getBytes());
        given().auth()
                .oauth2(Fixtures.SERVICE)
                .get("/evidence-files/" + sha)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-MT-6"));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removed part still on site (no handover yet). */
    static final class Fixtures2 {
        static long removed(long ticket, String kind) {
            return io.kiban.maintenance.Fixtures.replace(
                            VENDOR_A,
                            ticket,
                            io.kiban.maintenance.Fixtures.replacementBody(
                                    kind, serial(kind), "NEW"))
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("custodyItemId");
        }
    }
}
