package io.kiban.commons.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.audit.AuditCheckpointStore;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chain detects a changed row, a deleted middle row and a deleted tail (against the
 * checkpoint).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class AuditTrailTest {

    @Inject AuditCheckpointStore checkpoints;

    private static long createWidget() {
        return given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 1))
                .post("/widgets")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
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

    @Test
    void every_change_appends_an_entry_with_who_and_what() {
        long id = createWidget();
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .queryParam("entityType", "widget")
                .queryParam("entityId", String.valueOf(id))
                .get("/audit")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1")
                .body("[0].action", equalTo("create"))
                .body("[0].organisation", equalTo("vendor-a"))
                .body("[0].actorName", equalTo("vendor-a-engineer"))
                .body("[0].issuer", equalTo(OidcTestServer.ISSUER));
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    @Test
    void the_audit_trail_is_for_jpo_admin_and_auditors_only() {
        given().auth().oauth2(Tokens.jpoStaff()).get("/audit").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .get("/audit/verify")
                .then()
                .statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "entity_id = 'forged'",
                "actor_name = 'someone else'",
                "organisation = 'vendor-b'",
                "roles = 'jpo-admin'",
                "recorded_at = '2020-01-01 00:00:00'"
            })
    void a_changed_row_is_detected_and_named_whichever_column_changed(String change)
            throws Exception {
        createWidget();
        long seq = createWidgetAndSeq();
        createWidget();
        try (Connection c = TestDatabase.connect()) {
            Map<String, Object> original = row(c, seq);
            try {
                update(c, "UPDATE audit_entry SET " + change + " WHERE seq = ?", seq);
                JsonPath result = verify();
                assertThat(result.getBoolean("valid")).isFalse();
                assertThat(result.getLong("firstBadSeq")).isEqualTo(seq);
                assertThat(result.getString("reason")).contains("altered");
            } finally {
                update(c, "DELETE FROM audit_entry WHERE seq = ?", seq);
                insert(c, original);
            }
            assertThat(verify().getBoolean("valid")).isTrue();
        }
    }

    @Test
    void a_deleted_middle_row_is_detected_and_named() throws Exception {
        long seq = createWidgetAndSeq();
        createWidget();
        try (Connection c = TestDatabase.connect()) {
            Map<String, Object> original = row(c, seq);
            try {
                update(c, "DELETE FROM audit_entry WHERE seq = ?", seq);
                JsonPath result = verify();
                assertThat(result.getBoolean("valid")).isFalse();
                assertThat(result.getLong("firstBadSeq")).isEqualTo(seq);
                assertThat(result.getString("reason")).contains("missing");
            } finally {
                insert(c, original);
            }
            assertThat(verify().getBoolean("valid")).isTrue();
        }
    }

    @Test
    void a_deleted_tail_is_detected_against_the_checkpoint() throws Exception {
        createWidget();
        long last = createWidgetAndSeq();
        checkpoints.checkpoint();
        try (Connection c = TestDatabase.connect()) {
            Map<String, Object> secondLast = row(c, last - 1);
            Map<String, Object> lastRow = row(c, last);
            Map<String, Object> head = head(c);
            try {
                // the attacker removes the newest entries and rewinds the head to match
                update(c, "DELETE FROM audit_entry WHERE seq >= ?", last - 1);
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE audit_head SET seq = ?, mac = ? WHERE id = 1")) {
                    ps.setLong(1, last - 2);
                    ps.setString(2, (String) row(c, last - 2).get("mac"));
                    ps.executeUpdate();
                }
                JsonPath result = verify();
                assertThat(result.getBoolean("valid")).isFalse();
                assertThat(result.getLong("firstBadSeq")).isEqualTo(last - 1);
                assertThat(result.getString("reason")).contains("missing").contains("checkpoint");
            } finally {
                insert(c, secondLast);
                insert(c, lastRow);
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE audit_head SET seq = ?, mac = ? WHERE id = 1")) {
                    ps.setLong(1, (Long) head.get("seq"));
                    ps.setString(2, (String) head.get("mac"));
                    ps.executeUpdate();
                }
            }
            assertThat(verify().getBoolean("valid")).isTrue();
        }
    }

    private long createWidgetAndSeq() {
        long id = createWidget();
        return given().auth()
                .oauth2(Tokens.auditor())
                .queryParam("entityType", "widget")
                .queryParam("entityId", String.valueOf(id))
                .get("/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("[0].seq");
    }

    private static void update(Connection c, String sql, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, seq);
            ps.executeUpdate();
        }
    }

    private static Map<String, Object> head(Connection c) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT seq, mac FROM audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Map.of("seq", rs.getLong(1), "mac", rs.getString(2));
        }
    }

    private static Map<String, Object> row(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_entry WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("audit entry %d exists", seq).isTrue();
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                return row;
            }
        }
    }

    private static void insert(Connection c, Map<String, Object> row) throws SQLException {
        List<String> columns = new ArrayList<>(row.keySet());
        String sql =
                "INSERT INTO audit_entry ("
                        + String.join(",", columns)
                        + ") VALUES ("
                        + String.join(",", columns.stream().map(x -> "?").toList())
                        + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                ps.setObject(i + 1, row.get(columns.get(i)));
            }
            ps.executeUpdate();
        }
    }
}
