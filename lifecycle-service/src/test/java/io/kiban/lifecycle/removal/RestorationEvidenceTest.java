package io.kiban.lifecycle.removal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.json.Hashes;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Evidence files (photos, PDF) of the restoration checklist 原状復帰: the contracted vendor's, required
 * for sign-off.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class RestorationEvidenceTest {

    static final byte[] JPEG =
            bytes(
                    new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                    "rack area after removal");
    static final byte[] PDF =
            "%PDF-1.4\n原状復帰確認書 STAGING RACKS\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    @Test
    @DisplayName(
            "R-RM-1 a restoration item is signed off only with an evidence file, uploaded by the contracted vendor")
    void R_RM_1_restoration_items_need_evidence_files_before_sign_off() {
        PhaseRemovalTest.walk("STAGING", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", PhaseRemovalTest.itemETag("STAGING", "RACKS"))
                .post("/removal/STAGING/checklist/RACKS/signature")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-RM-1"))
                .body("detail", containsString("evidence"));

        // who may upload, and what
        upload(Tokens.vendor("vendor-b"), "STAGING", "RACKS", "rack.jpg", JPEG)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        upload(Tokens.jpoStaff(), "STAGING", "RACKS", "rack.jpg", JPEG).then().statusCode(403);
        upload(Tokens.auditor(), "STAGING", "RACKS", "rack.jpg", JPEG).then().statusCode(403);
        upload(Tokens.unapprovedVendor("vendor-a"), "STAGING", "RACKS", "rack.jpg", JPEG)
                .then()
                .statusCode(403);
        upload(Tokens.supportVendor(), "STAGING", "RACKS", "rack.jpg", JPEG).then().statusCode(403);
        String vendor = Tokens.vendor("vendor-a");
        upload(
                        vendor,
                        "STAGING",
                        "RACKS",
                        "notes.txt",
                        "just text".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        upload(vendor, "STAGING", "RACKS", "empty.jpg", new byte[0]).then().statusCode(400);
        upload(vendor, "STAGING", "RACKS", "../../etc/passwd", JPEG)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("fileName"));
        upload(vendor, "STAGING", "RACKS", null, JPEG).then().statusCode(400);
        upload(vendor, "STAGING", "NOPE", "rack.jpg", JPEG).then().statusCode(404);
        // #19: an unknown environment in the path is no resource (404, the enum path parameter)
        upload(vendor, "MOON", "RACKS", "rack.jpg", JPEG)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(evidence("STAGING", "RACKS")).isEmpty();

        // the vendor's photo and PDF, stored by SHA-256
        String jpegSha = Hashes.sha256Hex(JPEG);
        upload(vendor, "STAGING", "RACKS", "ラック撤去後.jpg", JPEG)
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        endsWith("/removal/STAGING/checklist/RACKS/evidence/" + jpegSha))
                .body("item", equalTo("RACKS"))
                .body("evidence.size()", equalTo(1))
                .body("evidence[0].sha256", equalTo(jpegSha))
                .body("evidence[0].contentType", equalTo("image/jpeg"))
                .body("evidence[0].uploadedBy", equalTo("vendor-a-engineer"));
        // the same file again is not a second entry
        upload(vendor, "STAGING", "RACKS", "again.jpg", JPEG)
                .then()
                .statusCode(200)
                .body("evidence.size()", equalTo(1));
        upload(Tokens.jpoAdmin(), "STAGING", "RACKS", "確認書.pdf", PDF)
                .then()
                .statusCode(201)
                .body("evidence.size()", equalTo(2));
        JsonPath list =
                new JsonPath(
                        given().auth()
                                .oauth2(Tokens.auditor())
                                .get("/removal/STAGING/checklist/RACKS/evidence")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
        assertThat(list.getList("sha256")).containsExactly(jpegSha, Hashes.sha256Hex(PDF));
        assertThat(list.getList("fileName")).containsExactly("ラック撤去後.jpg", "確認書.pdf");
        assertThat(list.getList("contentType")).containsExactly("image/jpeg", "application/pdf");
        assertThat(list.getList("size", Integer.class)).containsExactly(JPEG.length, PDF.length);
        // listed on the item in the checklist
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/removal/STAGING/checklist")
                .then()
                .statusCode(200)
                .body("find { it.item == 'RACKS' }.evidence.size()", equalTo(2))
                .body("find { it.item == 'POWER' }.evidence.size()", equalTo(0));
        // downloadable as uploaded
        byte[] got =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-b"))
                        .get("/removal/STAGING/checklist/RACKS/evidence/" + jpegSha)
                        .then()
                        .statusCode(200)
                        .header("X-Uploaded-Content-Type", "image/jpeg")
                        .header(
                                "Repr-Digest",
                                "sha-256=:"
                                        + java.util.Base64.getEncoder()
                                                .encodeToString(
                                                        java.util.HexFormat.of().parseHex(jpegSha))
                                        + ":")
                        .extract()
                        .asByteArray();
        assertThat(got).isEqualTo(JPEG);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/removal/STAGING/checklist/POWER/evidence/" + jpegSha)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/removal/STAGING/checklist/RACKS/evidence/" + "0".repeat(64))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.supportVendor())
                .get("/removal/STAGING/checklist/RACKS/evidence")
                .then()
                .statusCode(403);

        // audited
        JsonPath audit =
                new JsonPath(
                        given().auth()
                                .oauth2(Tokens.auditor())
                                .get("/audit?entityType=restoration-item&entityId=STAGING/RACKS")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
        assertThat(audit.getList("action")).contains("evidence");
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));

        // with evidence the item is signed (R-SEC-2: by a jpo-admin who uploaded none of it);
        // afterwards its evidence is final
        given().auth()
                .oauth2(Tokens.token("jpo-admin2", "jpo", "jpo-admin"))
                .header("If-Match", PhaseRemovalTest.itemETag("STAGING", "RACKS"))
                .post("/removal/STAGING/checklist/RACKS/signature")
                .then()
                .statusCode(200)
                .body("signed", equalTo(true))
                .body("evidence.size()", equalTo(2));
        upload(
                        vendor,
                        "STAGING",
                        "RACKS",
                        "late.pdf",
                        (new String(PDF, StandardCharsets.UTF_8) + "late")
                                .getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-1"));
        assertThat(evidence("STAGING", "RACKS")).hasSize(2);
        // evidence of another item does not count for this one
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", PhaseRemovalTest.itemETag("STAGING", "POWER"))
                .post("/removal/STAGING/checklist/POWER/signature")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-RM-1"));
    }

    @Test
    @DisplayName(
            "SEC-7 R-RM-1 a signed-off restoration item is sealed: a photo swapped or a signature written in SQL fails /audit/verify naming the item")
    void SEC_7_a_signed_restoration_item_changed_in_sql_is_reported() throws Exception {
        PhaseRemovalTest.walk("STAGING", "BUILDING", "IN_SERVICE", "END_OF_USE", "REMOVING");
        upload(Tokens.vendor("vendor-a"), "STAGING", "RACKS", "ラック撤去後.jpg", JPEG)
                .then()
                .statusCode(201);
        // another stored file the swap can point at (evidence names a stored document)
        upload(Tokens.vendor("vendor-a"), "STAGING", "POWER", "確認書.pdf", PDF)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.token("jpo-admin2", "jpo", "jpo-admin"))
                .header("If-Match", PhaseRemovalTest.itemETag("STAGING", "RACKS"))
                .post("/removal/STAGING/checklist/RACKS/signature")
                .then()
                .statusCode(200);
        assertSealsValid();
        // the photo swapped for another after the signature
        sql(SWAP_ON_RACKS, Hashes.sha256Hex(PDF), Hashes.sha256Hex(JPEG));
        assertOneSealViolation("STAGING/RACKS");
        sql(SWAP_ON_RACKS, Hashes.sha256Hex(JPEG), Hashes.sha256Hex(PDF));
        assertSealsValid();
        // POWER signed off in SQL, without JPO's decision and without evidence
        sql(
                "UPDATE restoration_item SET signed_by = 'jpo-admin2', signed_at = NOW() WHERE environment = 'STAGING'"
                        + " AND item_code = 'POWER'");
        assertOneSealViolation("STAGING/POWER");
        sql(
                "UPDATE restoration_item SET signed_by = NULL, signed_at = NULL WHERE environment = 'STAGING'"
                        + " AND item_code = 'POWER'");
        assertSealsValid();
    }

    private static final String SWAP_ON_RACKS =
            "UPDATE restoration_evidence SET file_sha256 = ? WHERE file_sha256 = ?"
                    + " AND restoration_item_id = (SELECT id FROM restoration_item WHERE environment = 'STAGING'"
                    + " AND item_code = 'RACKS')";

    private static JsonPath verifyAudit() {
        return given().auth()
                .oauth2(Tokens.auditor())
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void assertSealsValid() {
        JsonPath v = verifyAudit();
        assertThat(v.getBoolean("valid")).as(v.prettify()).isTrue();
        assertThat(v.getList("sealViolations")).isEmpty();
    }

    private static void assertOneSealViolation(String entityId) {
        JsonPath v = verifyAudit();
        assertThat(v.getBoolean("valid")).as(v.prettify()).isFalse();
        List<java.util.Map<String, Object>> violations = v.getList("sealViolations");
        assertThat(violations).as(v.prettify()).hasSize(1);
        assertThat(violations.get(0))
                .containsEntry("entityType", "restoration-item")
                .containsEntry("entityId", entityId)
                .containsEntry("action", "sign");
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

    private static List<Object> evidence(String env, String item) {
        return given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/removal/" + env + "/checklist/" + item + "/evidence")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static Response upload(
            String token, String env, String item, String fileName, byte[] body) {
        var spec = given().auth().oauth2(token).contentType("application/octet-stream").body(body);
        if (fileName != null) {
            spec = spec.queryParam("fileName", fileName);
        }
        return spec.post("/removal/" + env + "/checklist/" + item + "/evidence");
    }

    private static byte[] bytes(byte[] head, String tail) {
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + t.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(t, 0, all, head.length, t.length);
        return all;
    }
}
