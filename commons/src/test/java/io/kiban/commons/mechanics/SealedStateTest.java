package io.kiban.commons.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * #15 item 7: decided business state is sealed by its audit entry (the sample widget's approval).
 * An UPDATE in SQL rewrites no audit entry, so the chain alone stays valid; {@code /audit/verify}
 * now reports the row.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class SealedStateTest {

    private static long createWidget() {
        return given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 1))
                .post("/widgets")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static void approve(long id) {
        String etag =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .get("/widgets/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", etag)
                .put("/widgets/" + id + "/approval")
                .then()
                .statusCode(200);
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

    private static String mac(Connection c, long id) throws Exception {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT audit_mac FROM sample_widget WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void SEC_sealed_state_an_approval_through_the_service_verifies() throws Exception {
        long id = createWidget();
        approve(id);
        JsonPath result = verify();
        assertThat(result.getBoolean("valid")).isTrue();
        assertThat(result.getList("sealViolations")).isEmpty();
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT seq, action, entity_id FROM audit_entry WHERE mac = ?")) {
            ps.setString(1, mac(c, id));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("approve-widget");
                assertThat(rs.getString(3)).isEqualTo(String.valueOf(id));
            }
        }
    }

    @Test
    void SEC_sealed_state_a_decided_field_changed_in_sql_is_reported_naming_the_row()
            throws Exception {
        long id = createWidget();
        approve(id);
        try (Connection c = TestDatabase.connect()) {
            String by;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT approved_by FROM sample_widget WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    by = rs.getString(1);
                }
            }
            assertThat(by).isNotNull();
            try {
                update(c, "UPDATE sample_widget SET approved_by = 'someone else' WHERE id = ?", id);
                JsonPath result = verify();
                assertThat(result.getBoolean("valid")).isFalse();
                assertThat(result.getString("firstBadSeq")).isNull(); // the chain itself is intact
                assertThat(result.getString("reason"))
                        .startsWith("1 decided row(s) differ")
                        .contains("widget " + id);
                List<Map<String, Object>> violations = result.getList("sealViolations");
                assertThat(violations).hasSize(1);
                assertThat(violations.get(0))
                        .containsEntry("entityType", "widget")
                        .containsEntry("entityId", String.valueOf(id))
                        .containsEntry("action", "approve-widget");
                assertThat((String) violations.get(0).get("reason"))
                        .contains("widget " + id)
                        .contains("changed after the decision");
            } finally {
                update(c, "UPDATE sample_widget SET approved_by = ? WHERE id = ?", by, id);
            }
            assertThat(verify().getBoolean("valid")).isTrue();
        }
    }

    @Test
    void SEC_sealed_state_a_row_approved_in_sql_with_a_copied_mac_is_reported() throws Exception {
        long approved = createWidget();
        approve(approved);
        long never = createWidget();
        try (Connection c = TestDatabase.connect()) {
            String copied = mac(c, approved);
            try {
                update(
                        c,
                        "UPDATE sample_widget SET approved = TRUE, approved_by = 'jpo-admin-user',"
                                + " approved_at = (SELECT approved_at FROM (SELECT approved_at FROM sample_widget WHERE id = ?) x),"
                                + " audit_mac = ? WHERE id = ?",
                        approved,
                        copied,
                        never);
                JsonPath result = verify();
                assertThat(result.getBoolean("valid")).isFalse();
                List<Map<String, Object>> violations = result.getList("sealViolations");
                assertThat(violations).hasSize(1);
                assertThat(violations.get(0)).containsEntry("entityId", String.valueOf(never));
                assertThat((String) violations.get(0).get("reason"))
                        .contains("widget " + never)
                        .contains("copied from another entry");
                // and without any MAC: a decision that has no audit entry
                update(c, "UPDATE sample_widget SET audit_mac = NULL WHERE id = ?", never);
                result = verify();
                assertThat(result.getBoolean("valid")).isFalse();
                violations = result.getList("sealViolations");
                assertThat(violations).hasSize(1);
                assertThat((String) violations.get(0).get("reason"))
                        .contains("widget " + never)
                        .contains("no audit MAC");
            } finally {
                update(
                        c,
                        "UPDATE sample_widget SET approved = FALSE, approved_by = NULL, approved_at = NULL,"
                                + " audit_mac = NULL WHERE id = ?",
                        never);
            }
            assertThat(verify().getBoolean("valid")).isTrue();
        }
    }
}
