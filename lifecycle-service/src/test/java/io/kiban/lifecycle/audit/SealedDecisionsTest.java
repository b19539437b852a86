package io.kiban.lifecycle.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.kiban.lifecycle.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * #15 item 7: the decided business state of this service (handler approvals, delivery extension and
 * delay approvals, deliverable approvals — the security confirmation included —, contract amendment
 * decisions, closed lease months, archive receipts) is sealed by the MAC of the audit entry that
 * decided it. Each test tampers a decided row through raw JDBC against the real MariaDB, as someone
 * holding the database password would, and expects {@code GET /audit/verify} to fail naming the
 * row; once the row is put back, the verification passes again.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class SealedDecisionsTest {

    static final String JPO_ADMIN_2 = Tokens.token("jpo-admin2", "jpo", "jpo-admin");

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    private static JsonPath verify() {
        return given().auth()
                .oauth2(Tokens.auditor())
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void assertValid() {
        JsonPath v = verify();
        assertThat(v.getBoolean("valid")).as(v.prettify()).isTrue();
        assertThat(v.getList("sealViolations")).isEmpty();
    }

    /** Verification fails with exactly one violation, naming the row; answers its reason. */
    private static String assertOneViolation(String entityType, String entityId, String action) {
        JsonPath v = verify();
        assertThat(v.getBoolean("valid")).as(v.prettify()).isFalse();
        List<Map<String, Object>> violations = v.getList("sealViolations");
        assertThat(violations).as(v.prettify()).hasSize(1);
        assertThat(violations.get(0))
                .containsEntry("entityType", entityType)
                .containsEntry("entityId", entityId)
                .containsEntry("action", action);
        String reason = (String) violations.get(0).get("reason");
        assertThat(reason).contains(entityType + " " + entityId);
        assertThat(v.getString("reason")).contains("decided row(s) differ");
        return reason;
    }

    private static void sql(String sql, Object... args) throws Exception {
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static String string(String sql, Object arg) throws Exception {
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static Map<String, Object> handler(String account) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "田中 一郎");
        m.put("address", "東京都千代田区霞が関3-4-3");
        m.put("dateOfBirth", "1980-04-01");
        m.put("department", "ITサービス事業部 基盤課");
        m.put("position", "課長");
        m.put("trackRecord", "官公庁向け基盤の保守 10年");
        m.put("role", "保守作業責任者");
        m.put("affiliation", "ITサービス事業部");
        m.put("expertise", "Kubernetes, ストレージ");
        m.put("nationality", "日本");
        m.put("accountId", account);
        return m;
    }

    private static int proposeHandler(String account) {
        return given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(handler(account))
                .post("/handlers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String etag(String path) {
        return given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    @Test
    void SEC_7_an_untampered_run_of_every_kind_of_decision_verifies() throws Exception {
        int handler = proposeHandler(Stubs.KEYCLOAK_USER_ID);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag("/handlers/" + handler))
                .post("/handlers/" + handler + "/approval")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "退職"))
                .post("/handlers/" + handler + "/removal")
                .then()
                .statusCode(200);
        int rejected = proposeHandler("vendor-a-sato");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag("/handlers/" + rejected))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "経歴不足"))
                .post("/handlers/" + rejected + "/rejection")
                .then()
                .statusCode(200);
        long confirmation = securityConfirmationApproved();
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/lease/periods/2027-07/close")
                .then()
                .statusCode(201);
        long delay = approvedDelay();
        long archive = receivedArchive();
        assertValid();
        // the decisions are audited with the row's MAC
        for (String[] row :
                new String[][] {
                    {"approved_handler", String.valueOf(handler)},
                    {"deliverable", String.valueOf(confirmation)},
                    {"production_delay", String.valueOf(delay)},
                    {"archive", String.valueOf(archive)}
                }) {
            String mac =
                    string(
                            "SELECT audit_mac FROM " + row[0] + " WHERE id = ?",
                            Long.parseLong(row[1]));
            assertThat(mac).hasSize(64);
            assertThat(string("SELECT COUNT(*) FROM audit_entry WHERE mac = ?", mac))
                    .isEqualTo("1");
        }
    }

    @Test
    void SEC_7_a_handler_approval_changed_in_sql_makes_audit_verify_name_the_row()
            throws Exception {
        int id = proposeHandler(Stubs.KEYCLOAK_USER_ID);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag("/handlers/" + id))
                .post("/handlers/" + id + "/approval")
                .then()
                .statusCode(200);
        int forged = proposeHandler("vendor-a-forged");
        assertValid();

        sql("UPDATE approved_handler SET decided_by = 'jpo-admin9' WHERE id = ?", id);
        assertThat(assertOneViolation("approved-handler", String.valueOf(id), "approve"))
                .contains("changed after the decision");
        sql("UPDATE approved_handler SET decided_by = 'jpo-admin1' WHERE id = ?", id);
        assertValid();

        // a proposal flipped to APPROVED in SQL: no audit entry decided it
        sql(
                "UPDATE approved_handler SET status = 'APPROVED', decided_by = 'jpo-admin1', decided_at = NOW(6)"
                        + " WHERE id = ?",
                forged);
        assertThat(assertOneViolation("approved-handler", String.valueOf(forged), "approve"))
                .contains("no audit MAC");
        // … with the MAC of the genuine approval copied onto it
        sql(
                "UPDATE approved_handler SET audit_mac = (SELECT m FROM (SELECT audit_mac AS m FROM approved_handler"
                        + " WHERE id = ?) x) WHERE id = ?",
                id,
                forged);
        assertThat(assertOneViolation("approved-handler", String.valueOf(forged), "approve"))
                .contains("copied from another entry");
        sql(
                "UPDATE approved_handler SET status = 'PROPOSED', decided_by = NULL, decided_at = NULL, audit_mac = NULL"
                        + " WHERE id = ?",
                forged);
        assertValid();
    }

    @Test
    void SEC_7_a_removal_rolled_back_to_the_earlier_approval_is_reported() throws Exception {
        int id = proposeHandler(Stubs.KEYCLOAK_USER_ID);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag("/handlers/" + id))
                .post("/handlers/" + id + "/approval")
                .then()
                .statusCode(200);
        String approvalMac = string("SELECT audit_mac FROM approved_handler WHERE id = ?", id);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "退職"))
                .post("/handlers/" + id + "/removal")
                .then()
                .statusCode(200);
        assertValid();
        String removalMac = string("SELECT audit_mac FROM approved_handler WHERE id = ?", id);
        String removedAt = string("SELECT removed_at FROM approved_handler WHERE id = ?", id);
        // every column back as after the approval, its genuine MAC included
        sql(
                "UPDATE approved_handler SET status = 'APPROVED', removed_by = NULL, removed_at = NULL,"
                        + " audit_action = 'approve', audit_mac = ? WHERE id = ?",
                approvalMac,
                id);
        assertThat(assertOneViolation("approved-handler", String.valueOf(id), "approve"))
                .contains("remove")
                .contains("rolled back");
        sql(
                "UPDATE approved_handler SET status = 'REMOVED', removed_by = 'jpo-admin1', removed_at = ?,"
                        + " audit_action = 'remove', audit_mac = ? WHERE id = ?",
                removedAt,
                removalMac,
                id);
        assertValid();
    }

    @Test
    void SEC_7_a_delivery_extension_approval_moved_in_sql_is_reported() throws Exception {
        TestClock.set(Instant.parse("2027-03-01T00:00:00Z"));
        long id;
        try (Connection c = TestDatabase.connect();
                Statement st = c.createStatement()) {
            st.execute(
                    "INSERT INTO delivery_extension (environment, baseline_item, cause, explanation, new_date, status, "
                            + "proposed_by, proposed_by_id, proposed_at, version) VALUES ('PRODUCTION', 'k8s-worker', "
                            + "'SEMICONDUCTOR_SHORTAGE', 'GPU', '2027-05-31', 'PROPOSED', 'vendor-a-engineer', "
                            + "'vendor-a-engineer-id', '2027-02-20 00:00:00', 0)",
                    Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", "\"0\"")
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(200);
        assertValid();
        sql("UPDATE delivery_extension SET new_date = '2027-06-30' WHERE id = ?", id);
        assertThat(assertOneViolation("delivery-extension", String.valueOf(id), "approve"))
                .contains("changed after the decision");
        sql("UPDATE delivery_extension SET new_date = '2027-05-31' WHERE id = ?", id);
        assertValid();
        // R-LC-3: an approval back-dated to before the deadline
        String decidedAt = string("SELECT decided_at FROM delivery_extension WHERE id = ?", id);
        sql("UPDATE delivery_extension SET decided_at = '2027-02-01 00:00:00' WHERE id = ?", id);
        assertOneViolation("delivery-extension", String.valueOf(id), "approve");
        sql("UPDATE delivery_extension SET decided_at = ? WHERE id = ?", decidedAt, id);
        assertValid();
    }

    @Test
    void SEC_7_a_deliverable_approval_with_its_file_swapped_or_its_reviewer_changed_is_reported()
            throws Exception {
        long id = securityConfirmationApproved();
        assertValid();
        String sha = string("SELECT file_sha256 FROM deliverable WHERE id = ?", id);
        sql("UPDATE deliverable SET file_sha256 = ? WHERE id = ?", "0".repeat(64), id);
        assertThat(assertOneViolation("deliverable", String.valueOf(id), "approve"))
                .contains("changed after the decision");
        sql("UPDATE deliverable SET file_sha256 = ? WHERE id = ?", sha, id);
        sql("UPDATE deliverable SET reviewed_by = 'jpo-admin9' WHERE id = ?", id);
        assertOneViolation("deliverable", String.valueOf(id), "approve");
        sql("UPDATE deliverable SET reviewed_by = 'jpo-admin2' WHERE id = ?", id);
        assertValid();
        // a returned deliverable turned APPROVED in SQL: the row's state is not what its entry
        // decided
        long report =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/deliverables?kind=COST_BREAKDOWN")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("[0].id");
        upload(report, "内訳");
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", etag("/deliverables/" + report))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "内訳が不足"))
                .post("/deliverables/" + report + "/return")
                .then()
                .statusCode(200);
        assertValid();
        sql(
                "UPDATE deliverable SET status = 'APPROVED', return_reason = NULL WHERE id = ?",
                report);
        assertThat(assertOneViolation("deliverable", String.valueOf(report), "approve"))
                .contains("return");
        sql(
                "UPDATE deliverable SET status = 'RETURNED', return_reason = '内訳が不足' WHERE id = ?",
                report);
        assertValid();
    }

    @Test
    void SEC_7_a_contract_amendment_rejection_turned_into_an_approval_is_reported()
            throws Exception {
        Map<String, Object> contract =
                new HashMap<>(
                        given().auth()
                                .oauth2(Tokens.jpoAdmin())
                                .get("/contract")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getMap(""));
        contract.remove("monthlyLeaseTotal");
        contract.remove("monthlyMaintenanceTotal");
        contract.remove("version");
        contract.put("removalDeadline", "2031-03-30");
        var proposed =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .contentType(ContentType.JSON)
                        .header("If-Match", etag("/contract"))
                        .body(Map.of("reason", "テスト", "contract", contract))
                        .post("/contract/amendments");
        proposed.then().statusCode(201);
        int id = proposed.path("id");
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", proposed.header("ETag"))
                .post("/contract/amendments/" + id + "/rejection")
                .then()
                .statusCode(200);
        assertValid();
        sql("UPDATE contract_amendment SET status = 'APPROVED' WHERE id = ?", id);
        assertThat(assertOneViolation("contract-amendment", String.valueOf(id), "approve"))
                .contains("reject");
        sql("UPDATE contract_amendment SET status = 'REJECTED' WHERE id = ?", id);
        assertValid();
    }

    @Test
    void SEC_7_a_closed_lease_month_whose_stored_amount_changed_is_reported() throws Exception {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/lease/periods/2027-07/close")
                .then()
                .statusCode(201)
                .body("net", org.hamcrest.Matchers.equalTo(9_370_000));
        assertValid();
        sql("UPDATE lease_closed_month SET net = 9370001 WHERE month = '2027-07'");
        assertThat(assertOneViolation("lease-period", "2027-07", "close"))
                .contains("changed after the decision");
        sql("UPDATE lease_closed_month SET net = 9370000 WHERE month = '2027-07'");
        assertValid();
        String figures =
                string("SELECT figures FROM lease_closed_month WHERE month = ?", "2027-07");
        assertThat(figures).contains("9370000");
        sql(
                "UPDATE lease_closed_month SET figures = ? WHERE month = '2027-07'",
                figures.replace("9370000", "9000000"));
        assertOneViolation("lease-period", "2027-07", "close");
        sql("UPDATE lease_closed_month SET figures = ? WHERE month = '2027-07'", figures);
        assertValid();
        // a month closed in SQL without its audit entry
        sql(
                "INSERT INTO lease_closed_month (month, figures, net, closed_by, closed_at) VALUES ('2027-08', ?, 1,"
                        + " 'jpo-admin1', NOW(6))",
                figures);
        assertThat(assertOneViolation("lease-period", "2027-08", "close")).contains("no audit MAC");
        sql("DELETE FROM lease_closed_month WHERE month = '2027-08'");
        assertValid();
    }

    @Test
    void SEC_7_a_delay_approval_and_an_archive_receipt_changed_in_sql_are_reported()
            throws Exception {
        long delay = approvedDelay();
        long archive = receivedArchive();
        assertValid();
        sql("UPDATE production_delay SET end_date = '2027-04-30' WHERE id = ?", delay);
        assertOneViolation("production-delay", String.valueOf(delay), "approve");
        sql("UPDATE production_delay SET end_date = '2027-04-10' WHERE id = ?", delay);
        assertValid();
        sql("UPDATE archive SET received_by = 'jpo-admin9' WHERE id = ?", archive);
        assertOneViolation("archive", String.valueOf(archive), "receipt");
        sql("UPDATE archive SET received_by = 'jpo-admin1' WHERE id = ?", archive);
        assertValid();
    }

    @Test
    void SEC_7_rows_decided_before_the_seals_were_sealed_once_at_start_and_never_later()
            throws Exception {
        for (String kind :
                List.of(
                        "approved-handler",
                        "delivery-extension",
                        "production-delay",
                        "contract-amendment",
                        "deliverable",
                        "lease-period",
                        "archive",
                        "vendor-copy")) {
            given().auth()
                    .oauth2(Tokens.auditor())
                    .queryParam("entityType", kind)
                    .queryParam("entityId", "V22")
                    .get("/audit")
                    .then()
                    .statusCode(200)
                    .header("X-Total-Count", "1")
                    .body("[0].action", org.hamcrest.Matchers.equalTo("seal-legacy-" + kind))
                    .body("[0].subject", org.hamcrest.Matchers.equalTo("legacy-seal"));
        }
        int forged = proposeHandler("vendor-a-laundered");
        sql(
                "UPDATE approved_handler SET status = 'APPROVED', decided_by = 'jpo-admin1', decided_at = NOW(6)"
                        + " WHERE id = ?",
                forged);
        io.quarkus.arc.Arc.container()
                .instance(io.kiban.lifecycle.support.LegacySeals.class)
                .get()
                .sealLegacyDecisions(
                        null); // as a restart would: the markers exist, nothing is sealed
        assertThat(string("SELECT audit_mac FROM approved_handler WHERE id = ?", forged)).isNull();
        assertOneViolation("approved-handler", String.valueOf(forged), "approve");
        sql(
                "UPDATE approved_handler SET status = 'PROPOSED', decided_by = NULL, decided_at = NULL WHERE id = ?",
                forged);
        assertValid();
    }

    private static void upload(long id, String content) {
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType("application/octet-stream")
                .queryParam("fileName", "file.docx")
                .body(content.getBytes(StandardCharsets.UTF_8))
                .put("/deliverables/" + id + "/file")
                .then()
                .statusCode(200);
    }

    /**
     * R-LC-12: the security confirmation (確認書類) submitted by the vendor and approved by jpo-admin2.
     */
    private static long securityConfirmationApproved() {
        long id =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/deliverables?kind=SECURITY_CONFIRMATION")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("[0].id");
        upload(id, "確認書類");
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", etag("/deliverables/" + id))
                .post("/deliverables/" + id + "/approval")
                .then()
                .statusCode(200);
        return id;
    }

    /**
     * R-LC-14: a vendor delay 2027-04-01…04-10 recorded by jpo-admin1 and approved by jpo-admin2.
     */
    private static long approvedDelay() {
        long id =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "cause",
                                        "VENDOR",
                                        "startDate",
                                        "2027-04-01",
                                        "endDate",
                                        "2027-04-10"))
                        .post("/lease/delays")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", "\"0\"")
                .post("/lease/delays/" + id + "/approval")
                .then()
                .statusCode(200);
        return id;
    }

    /** R-RM-4: an archive row (as POST /archive leaves it) whose receipt jpo-admin1 records. */
    private static long receivedArchive() throws Exception {
        String sha = "ab".repeat(32);
        long id;
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO archive (created_at, created_by, file_name, sha256, size_bytes, entries)"
                                        + " VALUES ('2031-02-01 01:00:00', 'jpo-admin1', 'kiban-archive-test.zip', ?, 1234, 5)",
                                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, sha);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("sha256", sha))
                .post("/archive/" + id + "/receipt")
                .then()
                .statusCode(200);
        return id;
    }
}
