package io.kiban.lifecycle.removal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.CHECKLIST;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.copies;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.evidence;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.itemETag;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.phaseETag;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.readiness;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.receive;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.sign;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.stubExports;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.stubMedia;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.transition;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.walk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.kiban.commons.json.Hashes;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.support.Db;
import io.kiban.lifecycle.testing.Accounts;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class RemovalGateTest {

    /** Idempotency keys are kept across test runs: each run uses its own. */
    static final String RUN = java.util.UUID.randomUUID() + "-";

    static String jpoAdmin2() {
        return Tokens.token("jpo-admin2", "jpo", "jpo-admin");
    }

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    @AfterEach
    void exportDefaults() {
        PhaseRemovalTest.ACCEPTED_IN_EXPORT = List.of("A-1", "OLD-9");
    }

    /**
     * PRODUCTION in REMOVING with media A-1 and OLD-9 accepted, nothing else in the way but the
     * archive.
     */
    static void productionReadyButForTheArchive() {
        walk("PRODUCTION", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        stubMedia("PRODUCTION", "A-1", "OLD-9");
        evidence("A-1", true);
        evidence("OLD-9", true);
        copies("PRODUCTION", "[]");
        CHECKLIST.forEach(item -> sign("PRODUCTION", item));
    }

    static long archive() {
        return given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/archive")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    @DisplayName(
            "R-RM-4 JPO records the archive's receipt with the SHA-256 it computed; a mismatch is 409 and records nothing")
    void R_RM_4_receipt_with_the_sha256_jpo_computed() {
        productionReadyButForTheArchive();
        stubExports();
        long id = archive();
        JsonPath r = readiness("PRODUCTION");
        assertThat(r.getList("blockers.id")).containsExactly("archive:" + id);
        assertThat(r.getList("blockers.kind")).containsExactly("ARCHIVE_RECEIPT_NOT_RECORDED");
        transition("PRODUCTION", "REMOVED", null, null).then().statusCode(409);

        long refused = Db.audit("receipt-refused", "archive");
        String wrong = Hashes.sha256Hex("some other file".getBytes());
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("sha256", wrong))
                .post("/archive/" + id + "/receipt")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-RM-4"));
        assertThat(Db.audit("receipt-refused", "archive") - refused).isEqualTo(1);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/archive/" + id)
                .then()
                .body("received", equalTo(false));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("sha256", "not-a-hash"))
                .post("/archive/" + id + "/receipt")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.auditor())
                .contentType(ContentType.JSON)
                .body(Map.of("sha256", wrong))
                .post("/archive/" + id + "/receipt")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("sha256", wrong))
                .post("/archive/999999/receipt")
                .then()
                .statusCode(404);

        receive(id);
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/archive/" + id)
                .then()
                .body("receivedBy", equalTo("jpo-admin1"));
        // a second receipt is refused
        String sha =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .get("/archive/" + id)
                        .then()
                        .extract()
                        .path("sha256");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("sha256", sha))
                .post("/archive/" + id + "/receipt")
                .then()
                .statusCode(409);
        assertThat(readiness("PRODUCTION").getBoolean("ready")).isTrue();
        transition("PRODUCTION", "REMOVED", null, null).then().statusCode(200);
    }

    @Test
    @DisplayName(
            "R-RM-4 an archive built before the last destruction evidence was accepted does not count")
    void R_RM_4_archive_must_hold_every_accepted_evidence_of_the_environment() {
        productionReadyButForTheArchive();
        evidence("OLD-9", false);
        // the archive is built while OLD-9's evidence is not accepted yet: maintenance's records
        // show only A-1
        PhaseRemovalTest.ACCEPTED_IN_EXPORT = List.of("A-1");
        stubExports();
        long early = archive();
        receive(early);
        assertThat(readiness("PRODUCTION").getList("blockers.id")).containsExactly("medium:OLD-9");
        // OLD-9 accepted afterwards: the received archive does not hold its proof
        evidence("OLD-9", true);
        JsonPath r = readiness("PRODUCTION");
        assertThat(r.getList("blockers.kind")).containsExactly("ARCHIVE_OLDER_THAN_EVIDENCE");
        assertThat(r.getString("blockers[0].detail")).contains("OLD-9").doesNotContain("A-1,");
        transition("PRODUCTION", "REMOVED", null, null)
                .then()
                .statusCode(409)
                .body(
                        "conflicts.kind",
                        org.hamcrest.Matchers.contains("ARCHIVE_OLDER_THAN_EVIDENCE"));

        // a new archive without receipt is not enough either; with it, removal passes
        PhaseRemovalTest.ACCEPTED_IN_EXPORT = List.of("A-1", "OLD-9");
        Stubs.reset();
        productionStubs();
        stubExports();
        long later = archive();
        assertThat(readiness("PRODUCTION").getList("blockers.id"))
                .containsExactly("archive:" + later);
        receive(later);
        assertThat(readiness("PRODUCTION").getList("blockers")).isEmpty();

        // maintenance-service reports acceptance times (acceptedAt): the archive was built at the
        // test clock's
        // 2031-02-03T01:00:00Z; an acceptance one second later → the archive cannot hold it →
        // blocker
        io.kiban.lifecycle.testing.MediaReport.evidence("A-1", true, "2031-02-03T01:00:01Z");
        assertThat(readiness("PRODUCTION").getList("blockers.kind"))
                .containsExactly("ARCHIVE_OLDER_THAN_EVIDENCE");
        // accepted one second before the archive was built: it holds it
        io.kiban.lifecycle.testing.MediaReport.evidence("A-1", true, "2031-02-03T00:59:59Z");
        assertThat(readiness("PRODUCTION").getList("blockers")).isEmpty();
        transition("PRODUCTION", "REMOVED", null, null).then().statusCode(200);
    }

    static void productionStubs() {
        stubMedia("PRODUCTION", "A-1", "OLD-9");
        evidence("A-1", true);
        evidence("OLD-9", true);
        copies("PRODUCTION", "[]");
    }

    @Test
    @DisplayName(
            "R-RM-3 maintenance-service's outstanding sanitization for the environment blocks removal, whatever its kind")
    void R_RM_3_outstanding_sanitization_blocks_removal_of_its_environment() {
        walk("STAGING", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        stubMedia("STAGING");
        copies("STAGING", "[]");
        CHECKLIST.forEach(item -> sign("STAGING", item));
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                .withQueryParam("environment", WireMock.equalTo("STAGING"))
                                .willReturn(
                                        okJson(
                                                "["
                                                        + "{\"custodyItemId\":11,\"kind\":\"LOG_MEDIUM\",\"serial\":\"USB-77\",\"status\":\"HELD\","
                                                        + "\"holder\":\"vendor-a 佐藤\",\"environment\":\"STAGING\"},"
                                                        + "{\"kind\":\"REMOVED_WITHOUT_CUSTODY\",\"serial\":\"SSD-5\",\"environment\":\"STAGING\"},"
                                                        + "{\"kind\":\"SOMETHING_NEW\",\"serial\":\"X-1\"},"
                                                        + "{\"custodyItemId\":12,\"kind\":\"LOG_MEDIUM\",\"serial\":\"USB-88\",\"environment\":\"PRODUCTION\"}]")));
        JsonPath r = readiness("STAGING");
        assertThat(r.getList("blockers.id"))
                .containsExactlyInAnyOrder(
                        "sanitization:custody-item:11",
                        "sanitization:medium:SSD-5",
                        "sanitization:medium:X-1");
        assertThat(r.getList("blockers.kind")).containsOnly("OUTSTANDING_SANITIZATION");
        assertThat(r.getString("blockers.find { it.id == 'sanitization:medium:X-1' }.detail"))
                .contains("SOMETHING_NEW");
        Stubs.maintenance()
                .verifyThat(
                        getRequestedFor(urlPathEqualTo("/reports/outstanding-sanitization"))
                                .withQueryParam("environment", WireMock.equalTo("STAGING")));
        transition("STAGING", "REMOVED", null, null)
                .then()
                .statusCode(409)
                .body(
                        "conflicts.id",
                        org.hamcrest.Matchers.hasItem("sanitization:custody-item:11"));

        // an answer that is not a list is not silence: it blocks
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                .atPriority(1)
                                .willReturn(okJson("{\"unexpected\":true}")));
        assertThat(readiness("STAGING").getList("blockers.id"))
                .containsExactly("service:maintenance-service");
        // wrapped lists are read
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                .atPriority(1)
                                .willReturn(
                                        okJson(
                                                "{\"items\":[{\"kind\":\"LOG_MEDIUM\",\"serial\":\"USB-99\"}]}")));
        assertThat(readiness("STAGING").getList("blockers.id"))
                .containsExactly("sanitization:medium:USB-99");
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                .atPriority(1)
                                .willReturn(okJson("[]")));
        transition("STAGING", "REMOVED", null, null).then().statusCode(200);
    }

    @Test
    @DisplayName(
            "R-RM-1 REMOVED → CLOSED requires that the readiness is still empty (409 with the blockers)")
    void R_RM_1_closing_requires_an_empty_readiness() {
        walk("STAGING", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        stubMedia("STAGING", "S-1");
        evidence("S-1", true);
        copies("STAGING", "[]");
        CHECKLIST.forEach(item -> sign("STAGING", item));
        walk("STAGING", "REMOVED");
        // a medium turns up without accepted evidence after removal
        stubMedia("STAGING", "S-1", "S-2");
        evidence("S-2", false);
        transition("STAGING", "CLOSED", null, null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-RM-1"))
                .body("conflicts.id", org.hamcrest.Matchers.contains("medium:S-2"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/phases/STAGING")
                .then()
                .body("phase", equalTo("REMOVED"));
        evidence("S-2", true);
        transition("STAGING", "CLOSED", null, null)
                .then()
                .statusCode(200)
                .body("phase", equalTo("CLOSED"));
    }

    @Test
    @DisplayName(
            "R-SEC-2 a fallback names the phase version reviewed (428 without If-Match, 412 stale)")
    void R_SEC_2_fallback_needs_if_match() {
        walk("PRODUCTION", "BUILDING", "IN_SERVICE", "END_OF_USE");
        Map<String, Object> body =
                Map.of("to", "IN_SERVICE", "reason", "次期システム移行の延期", "costNote", "費用なし");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/phases/PRODUCTION/transitions")
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body)
                .post("/phases/PRODUCTION/transitions")
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/phases/PRODUCTION")
                .then()
                .body("phase", equalTo("END_OF_USE"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("If-Match", phaseETag("PRODUCTION"))
                .body(body)
                .post("/phases/PRODUCTION/transitions")
                .then()
                .statusCode(200)
                .body("phase", equalTo("IN_SERVICE"));
        // an ordinary transition that sends a stale If-Match is refused as well
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("to", "END_OF_USE"))
                .post("/phases/PRODUCTION/transitions")
                .then()
                .statusCode(412);
    }

    @Test
    @DisplayName(
            "R-SEC-2 a restoration sign-off names the item version reviewed and never comes from who wrote its evidence")
    void R_SEC_2_restoration_sign_off_four_eyes_and_if_match() {
        walk("STAGING", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        byte[] pdf =
                "%PDF-1.4 原状復帰 RACKS (JPO photo)".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType("application/pdf")
                .queryParam("fileName", "racks.pdf")
                .body(pdf)
                .post("/removal/STAGING/checklist/RACKS/evidence")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", itemETag("STAGING", "RACKS"))
                .post("/removal/STAGING/checklist/RACKS/signature")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"));
        given().auth()
                .oauth2(jpoAdmin2())
                .post("/removal/STAGING/checklist/RACKS/signature")
                .then()
                .statusCode(428);
        String reviewed = itemETag("STAGING", "RACKS");
        PhaseRemovalTest.photo("STAGING", "RACKS");
        given().auth()
                .oauth2(jpoAdmin2())
                .header("If-Match", reviewed)
                .post("/removal/STAGING/checklist/RACKS/signature")
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(jpoAdmin2())
                .header("If-Match", itemETag("STAGING", "RACKS"))
                .post("/removal/STAGING/checklist/RACKS/signature")
                .then()
                .statusCode(200)
                .body("signedBy", equalTo("jpo-admin2"));
        // whoever wrote the note does not sign either
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "分電盤の銘板を復旧"))
                .put("/removal/STAGING/checklist/POWER/note")
                .then()
                .statusCode(200);
        PhaseRemovalTest.photo("STAGING", "POWER");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", itemETag("STAGING", "POWER"))
                .post("/removal/STAGING/checklist/POWER/signature")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"));
    }

    @Test
    @DisplayName(
            "R-SEC-2 #19 who wrote a restoration item's note or evidence is known by account (issuer+sub), not by name: renamed still refused; another account of the same name signs")
    void R_SEC_2_the_writer_of_restoration_note_and_evidence_is_known_by_account_not_by_name() {
        walk("STAGING", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        String tail =
                " cannot approve, accept, sign off or reject it; another jpo-admin must decide"
                        + " (segregation of duties)";
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType("application/pdf")
                .queryParam("fileName", "racks.pdf")
                .body("%PDF-1.4 原状復帰 RACKS".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/removal/STAGING/checklist/RACKS/evidence")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin1", "jpo-admin1-renamed"))
                .header("If-Match", itemETag("STAGING", "RACKS"))
                .post("/removal/STAGING/checklist/RACKS/signature")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"))
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: the account that uploaded an evidence file of"
                                        + " STAGING/RACKS"
                                        + tail));
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin3", "jpo-admin1"))
                .header("If-Match", itemETag("STAGING", "RACKS"))
                .post("/removal/STAGING/checklist/RACKS/signature")
                .then()
                .statusCode(200)
                .body("signedBy", equalTo("jpo-admin1"));

        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "分電盤の銘板を復旧"))
                .put("/removal/STAGING/checklist/POWER/note")
                .then()
                .statusCode(200);
        PhaseRemovalTest.photo("STAGING", "POWER");
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin1", "jpo-admin1-renamed"))
                .header("If-Match", itemETag("STAGING", "POWER"))
                .post("/removal/STAGING/checklist/POWER/signature")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"))
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: the account that wrote the note of STAGING/POWER"
                                        + tail));
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin3", "jpo-admin1"))
                .header("If-Match", itemETag("STAGING", "POWER"))
                .post("/removal/STAGING/checklist/POWER/signature")
                .then()
                .statusCode(200)
                .body("signed", equalTo(true));
    }

    @Test
    @DisplayName(
            "R-SEC-2 #19 a restoration note and evidence file written before account ids were stored (V42) are compared by the stored name")
    void R_SEC_2_restoration_records_without_an_account_id_fall_back_to_the_name() {
        walk("STAGING", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType("application/pdf")
                .queryParam("fileName", "racks.pdf")
                .body("%PDF-1.4 原状復帰 RACKS".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/removal/STAGING/checklist/RACKS/evidence")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "分電盤の銘板を復旧"))
                .put("/removal/STAGING/checklist/POWER/note")
                .then()
                .statusCode(200);
        PhaseRemovalTest.photo("STAGING", "POWER");
        assertThat(Db.update("UPDATE restoration_evidence SET uploaded_by_id = NULL")).isEqualTo(2);
        assertThat(
                        Db.update(
                                "UPDATE restoration_item SET vendor_note_by_id = NULL"
                                        + " WHERE environment = 'STAGING' AND item_code = 'POWER'"))
                .isEqualTo(1);
        for (String item : List.of("RACKS", "POWER")) {
            given().auth()
                    .oauth2(Accounts.jpoAdmin("jpo-admin3", "jpo-admin1"))
                    .header("If-Match", itemETag("STAGING", item))
                    .post("/removal/STAGING/checklist/" + item + "/signature")
                    .then()
                    .statusCode(403)
                    .body("rule", equalTo("R-SEC-2"));
            given().auth()
                    .oauth2(jpoAdmin2())
                    .header("If-Match", itemETag("STAGING", item))
                    .post("/removal/STAGING/checklist/" + item + "/signature")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    @DisplayName(
            "SEC issue 13 hole 7: phase transitions, restoration evidence and archive receipts honour Idempotency-Key")
    void SEC_idempotency_key_on_transitions_evidence_and_receipts() {
        Map<String, Object> body = Map.of("to", "BUILDING");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("Idempotency-Key", RUN + "t-1")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/phases/STAGING/transitions")
                .then()
                .statusCode(200)
                .body("phase", equalTo("BUILDING"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("Idempotency-Key", RUN + "t-1")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/phases/STAGING/transitions")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("Idempotency-Key", RUN + "t-1")
                .contentType(ContentType.JSON)
                .body(Map.of("to", "IN_SERVICE"))
                .post("/phases/STAGING/transitions")
                .then()
                .statusCode(422);
        assertThat(Db.count("SELECT COUNT(*) FROM phase_transition WHERE environment = 'STAGING'"))
                .isEqualTo(1);

        walk("STAGING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 'i', 'd', 'e', 'm'};
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(Tokens.vendor("vendor-a"))
                    .header("Idempotency-Key", RUN + "ev-1")
                    .contentType("image/png")
                    .queryParam("fileName", "floor.png")
                    .body(png)
                    .post("/removal/STAGING/checklist/FLOOR/evidence")
                    .then()
                    .statusCode(201);
        }
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("Idempotency-Key", RUN + "ev-1")
                .contentType("image/png")
                .queryParam("fileName", "other.png")
                .body(png)
                .post("/removal/STAGING/checklist/FLOOR/evidence")
                .then()
                .statusCode(422);
        assertThat(Db.count("SELECT COUNT(*) FROM restoration_evidence")).isEqualTo(1);

        stubExports();
        long id = archive();
        String sha =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .get("/archive/" + id)
                        .then()
                        .extract()
                        .path("sha256");
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(Tokens.jpoAdmin())
                    .header("Idempotency-Key", RUN + "rc-1")
                    .contentType(ContentType.JSON)
                    .body(Map.of("sha256", sha))
                    .post("/archive/" + id + "/receipt")
                    .then()
                    .statusCode(200)
                    .body("received", equalTo(true));
        }
        assertThat(Db.audit("receipt", "archive")).isPositive();
    }
}
