package io.kiban.lifecycle.removal;

import static io.kiban.lifecycle.removal.PhaseRemovalTest.readiness;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.walk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class VendorCopyTest {

    /** Idempotency keys are kept across test runs: each run uses its own. */
    static final String RUN = java.util.UUID.randomUUID() + "-";

    static final byte[] CERTIFICATE =
            "%PDF-1.4\n持込端末データ消去証明書 NB-0042\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] PHOTO = {
        (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 'r', 'e', 't', 'u', 'r', 'n'
    };

    static String jpoAdmin2() {
        return Tokens.token("jpo-admin2", "jpo", "jpo-admin");
    }

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    @Test
    @DisplayName(
            "R-RM-4 security 8) a copy the vendor held blocks PRODUCTION's removal until its destruction is recorded with evidence and JPO confirmed it")
    void R_RM_4_vendor_copies_block_production_removal_until_confirmed() {
        walk("PRODUCTION", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        int id =
                record(Tokens.vendor("vendor-a"), "DEVICE_BROUGHT_IN", "保守用ノートPC NB-0042（ログ解析に使用）")
                        .then()
                        .statusCode(201)
                        .body("status", equalTo("OPEN"))
                        .body("organisation", equalTo("vendor-a"))
                        .body("recordedBy", equalTo("vendor-a-engineer"))
                        .extract()
                        .path("id");
        assertThat(readiness("PRODUCTION").getList("blockers.id")).contains("vendor-copy:" + id);
        // STAGING is not held up by it (security 8) is about the end of the whole work, checked
        // before PRODUCTION)
        assertThat(readiness("STAGING").getList("blockers.id")).doesNotContain("vendor-copy:" + id);

        // no disposition without evidence
        dispose(Tokens.vendor("vendor-a"), id, "DESTROYED")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-4"));
        upload(Tokens.vendor("vendor-b"), id, "cert.pdf", CERTIFICATE).then().statusCode(404);
        upload(Tokens.vendor("vendor-a"), id, "notes.txt", "text".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(415);
        upload(Tokens.vendor("vendor-a"), id, "cert.pdf", CERTIFICATE)
                .then()
                .statusCode(201)
                .body("evidence[0].sha256", equalTo(Hashes.sha256Hex(CERTIFICATE)));
        upload(Tokens.vendor("vendor-a"), id, "cert.pdf", CERTIFICATE).then().statusCode(200);
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/vendor-copies/" + id + "/evidence/" + Hashes.sha256Hex(CERTIFICATE))
                .then()
                .statusCode(200)
                .header("X-Uploaded-Content-Type", "application/pdf");
        // JPO cannot confirm before the disposition is recorded
        confirm(jpoAdmin2(), id).then().statusCode(422).body("rule", equalTo("R-RM-4"));
        dispose(Tokens.vendor("vendor-a"), id, "DESTROYED")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISPOSED"))
                .body("disposition", equalTo("DESTROYED"));
        assertThat(
                        readiness("PRODUCTION")
                                .getString(
                                        "blockers.find { it.id == 'vendor-copy:"
                                                + id
                                                + "' }.detail"))
                .contains("JPO has not confirmed");

        // R-SEC-2: the version reviewed, and not by whoever added evidence
        String reviewed = etag(id);
        given().auth()
                .oauth2(jpoAdmin2())
                .post("/vendor-copies/" + id + "/confirmation")
                .then()
                .statusCode(428);
        upload(Tokens.jpoAdmin(), id, "return.png", PHOTO).then().statusCode(201);
        given().auth()
                .oauth2(jpoAdmin2())
                .header("If-Match", reviewed)
                .post("/vendor-copies/" + id + "/confirmation")
                .then()
                .statusCode(412);
        confirm(Tokens.jpoAdmin(), id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"));
        confirm(Tokens.vendor("vendor-a"), id).then().statusCode(403);
        confirm(jpoAdmin2(), id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("confirmedBy", equalTo("jpo-admin2"));
        assertThat(readiness("PRODUCTION").getList("blockers.id"))
                .doesNotContain("vendor-copy:" + id);
        // a confirmed record is final
        upload(
                        Tokens.vendor("vendor-a"),
                        id,
                        "late.png",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1})
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-4"));
    }

    @Test
    @DisplayName(
            "R-RM-4 vendor copies are scoped to the organisation; the recorder never confirms (R-SEC-2)")
    void R_RM_4_scope_roles_and_the_recorder_never_confirms() {
        Map<String, Object> byJpo =
                Map.of(
                        "kind",
                        "LENT_DOCUMENT",
                        "description",
                        "貸与資料: 基盤設計書 第3版（紙）",
                        "organisation",
                        "vendor-b");
        int id =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .contentType(ContentType.JSON)
                        .body(byJpo)
                        .post("/vendor-copies")
                        .then()
                        .statusCode(201)
                        .body("organisation", equalTo("vendor-b"))
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .get("/vendor-copies/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .get("/vendor-copies")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .contentType(ContentType.JSON)
                .body(byJpo)
                .post("/vendor-copies")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "LENT_DOCUMENT", "description", "x"))
                .post("/vendor-copies")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "PAPER_PLANE", "description", "x"))
                .post("/vendor-copies")
                .then()
                .statusCode(400);
        upload(Tokens.vendor("vendor-b"), id, "return.pdf", CERTIFICATE).then().statusCode(201);
        dispose(Tokens.vendor("vendor-b"), id, "RETURNED").then().statusCode(200);
        // jpo-admin1 recorded it: another jpo-admin confirms
        confirm(Tokens.jpoAdmin(), id).then().statusCode(403).body("rule", equalTo("R-SEC-2"));
        confirm(jpoAdmin2(), id).then().statusCode(200);
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .get("/vendor-copies?status=CONFIRMED")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    @DisplayName(
            "SEC issue 13 hole 7: POST /vendor-copies and its evidence upload honour Idempotency-Key")
    void SEC_idempotency_key_on_vendor_copies() {
        Map<String, Object> body =
                Map.of("kind", "COPY_OUTSIDE_JPO", "description", "USB メモリ 1 本（障害ログ）");
        int id =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .header("Idempotency-Key", RUN + "vc-1")
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/vendor-copies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("Idempotency-Key", RUN + "vc-1")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/vendor-copies")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("Idempotency-Key", RUN + "vc-1")
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "COPY_OUTSIDE_JPO", "description", "別のもの"))
                .post("/vendor-copies")
                .then()
                .statusCode(422);
        assertThat(Db.count("SELECT COUNT(*) FROM vendor_copy")).isEqualTo(1);

        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("Idempotency-Key", RUN + "vc-file-1")
                .contentType("application/pdf")
                .queryParam("fileName", "erase.pdf")
                .body(CERTIFICATE)
                .post("/vendor-copies/" + id + "/evidence")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("Idempotency-Key", RUN + "vc-file-1")
                .contentType("application/pdf")
                .queryParam("fileName", "erase.pdf")
                .body(CERTIFICATE)
                .post("/vendor-copies/" + id + "/evidence")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("Idempotency-Key", RUN + "vc-file-1")
                .contentType("image/png")
                .queryParam("fileName", "erase.png")
                .body(PHOTO)
                .post("/vendor-copies/" + id + "/evidence")
                .then()
                .statusCode(422);
        assertThat(Db.count("SELECT COUNT(*) FROM vendor_copy_evidence")).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "SEC-7 R-RM-4 a confirmed vendor copy is sealed: its disposition or an evidence file changed in SQL fails /audit/verify naming the row")
    void SEC_7_a_confirmed_vendor_copy_changed_in_sql_is_reported() throws Exception {
        int id =
                record(Tokens.vendor("vendor-a"), "COPY_OUTSIDE_JPO", "解析用ログの社外コピー（USB メモリ 1 本）")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        upload(Tokens.vendor("vendor-a"), id, "cert.pdf", CERTIFICATE).then().statusCode(201);
        dispose(Tokens.vendor("vendor-a"), id, "ERASED").then().statusCode(200);
        confirm(jpoAdmin2(), id).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        assertSealsValid();

        sql("UPDATE vendor_copy SET disposition = 'RETURNED' WHERE id = ?", id);
        assertOneSealViolation(id);
        sql("UPDATE vendor_copy SET disposition = 'ERASED' WHERE id = ?", id);
        assertSealsValid();
        // an evidence file swapped for another after JPO confirmed it
        sql(
                "UPDATE vendor_copy_evidence SET file_sha256 = ? WHERE vendor_copy_id = ?",
                Hashes.sha256Hex(PHOTO),
                id);
        assertOneSealViolation(id);
        sql(
                "UPDATE vendor_copy_evidence SET file_sha256 = ? WHERE vendor_copy_id = ?",
                Hashes.sha256Hex(CERTIFICATE),
                id);
        assertSealsValid();
        // confirmed in SQL, without JPO's decision: no audit entry seals it
        int forged =
                record(Tokens.vendor("vendor-a"), "LENT_DOCUMENT", "貸与資料 設計書 第 3 版")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        sql(
                "UPDATE vendor_copy SET status = 'CONFIRMED', confirmed_by = 'jpo-admin2', confirmed_at = NOW() WHERE id = ?",
                forged);
        assertOneSealViolation(forged);
        sql(
                "UPDATE vendor_copy SET status = 'OPEN', confirmed_by = NULL, confirmed_at = NULL WHERE id = ?",
                forged);
        assertSealsValid();
    }

    private static io.restassured.path.json.JsonPath verifyAudit() {
        return given().auth()
                .oauth2(Tokens.auditor())
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void assertSealsValid() {
        var v = verifyAudit();
        assertThat(v.getBoolean("valid")).as(v.prettify()).isTrue();
        assertThat(v.getList("sealViolations")).isEmpty();
    }

    private static void assertOneSealViolation(int id) {
        var v = verifyAudit();
        assertThat(v.getBoolean("valid")).as(v.prettify()).isFalse();
        java.util.List<Map<String, Object>> violations = v.getList("sealViolations");
        assertThat(violations).as(v.prettify()).hasSize(1);
        assertThat(violations.get(0))
                .containsEntry("entityType", "vendor-copy")
                .containsEntry("entityId", String.valueOf(id))
                .containsEntry("action", "confirm");
    }

    private static void sql(String sql, Object... args) throws Exception {
        try (java.sql.Connection c = io.kiban.commons.testing.TestDatabase.connect();
                java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    static final String SOD_DETAIL_TAIL =
            " cannot approve, accept, sign off or reject it; another jpo-admin must decide"
                    + " (segregation of duties)";

    @Test
    @DisplayName(
            "R-SEC-2 #19 the recorder of a vendor copy is its account (issuer+sub), not its name: renamed still refused; another account of the same name confirms")
    void R_SEC_2_the_recorder_of_a_vendor_copy_is_known_by_account_not_by_name() {
        int id =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "kind",
                                        "LENT_DOCUMENT",
                                        "description",
                                        "貸与資料: 運用手順書（紙）",
                                        "organisation",
                                        "vendor-b"))
                        .post("/vendor-copies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        upload(Tokens.vendor("vendor-b"), id, "return.pdf", CERTIFICATE).then().statusCode(201);
        dispose(Tokens.vendor("vendor-b"), id, "RETURNED").then().statusCode(200);
        confirm(Accounts.jpoAdmin("jpo-admin1", "jpo-admin1-renamed"), id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"))
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: the account that recorded vendor copy "
                                        + id
                                        + SOD_DETAIL_TAIL));
        confirm(Accounts.jpoAdmin("jpo-admin3", "jpo-admin1"), id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("confirmedBy", equalTo("jpo-admin1"));
    }

    @Test
    @DisplayName(
            "R-SEC-2 #19 who recorded a copy's disposition or uploaded its evidence is known by account (issuer+sub), not by name")
    void R_SEC_2_the_disposer_and_uploaders_of_a_vendor_copy_are_known_by_account_not_by_name() {
        int id =
                record(Tokens.vendor("vendor-a"), "DEVICE_BROUGHT_IN", "持込PC")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        upload(Tokens.jpoAdmin(), id, "erase.pdf", CERTIFICATE).then().statusCode(201);
        dispose(jpoAdmin2(), id, "ERASED").then().statusCode(200);
        confirm(Accounts.jpoAdmin("jpo-admin2", "jpo-admin2-renamed"), id)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"))
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: the account that recorded the disposition of vendor copy "
                                        + id
                                        + SOD_DETAIL_TAIL));
        confirm(Accounts.jpoAdmin("jpo-admin1", "jpo-admin1-renamed"), id)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"))
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: the account that uploaded an evidence file of vendor copy "
                                        + id
                                        + SOD_DETAIL_TAIL));
        // another account that calls itself jpo-admin1 or jpo-admin2 did neither
        confirm(Accounts.jpoAdmin("jpo-admin3", "jpo-admin2"), id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    @DisplayName(
            "R-SEC-2 #19 an evidence file uploaded before account ids were stored (V42) is compared by the uploader's stored name")
    void R_SEC_2_a_vendor_copy_evidence_file_without_an_account_id_falls_back_to_the_name() {
        int id =
                record(Tokens.vendor("vendor-a"), "DEVICE_BROUGHT_IN", "持込PC")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        upload(Tokens.jpoAdmin(), id, "erase.pdf", CERTIFICATE).then().statusCode(201);
        dispose(Tokens.vendor("vendor-a"), id, "ERASED").then().statusCode(200);
        assertThat(
                        Db.update(
                                "UPDATE vendor_copy_evidence SET uploaded_by_id = NULL"
                                        + " WHERE vendor_copy_id = ?",
                                id))
                .isEqualTo(1);
        confirm(Accounts.jpoAdmin("jpo-admin3", "jpo-admin1"), id)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"));
        confirm(jpoAdmin2(), id).then().statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    static Response record(String token, String kind, String description) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "description", description, "holder", "保守課 佐藤"))
                .post("/vendor-copies");
    }

    static String etag(int id) {
        return given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/vendor-copies/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    static Response dispose(String token, int id, String how) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("If-Match", etag(id))
                .body(Map.of("disposition", how, "note", "物理破壊（ドリル穿孔）を実施、写真と証明書を添付"))
                .post("/vendor-copies/" + id + "/disposition");
    }

    static Response confirm(String token, int id) {
        return given().auth()
                .oauth2(token)
                .header("If-Match", etag(id))
                .post("/vendor-copies/" + id + "/confirmation");
    }

    static Response upload(String token, int id, String name, byte[] bytes) {
        return given().auth()
                .oauth2(token)
                .contentType("application/octet-stream")
                .queryParam("fileName", name)
                .body(bytes)
                .post("/vendor-copies/" + id + "/evidence");
    }
}
