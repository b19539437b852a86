package io.kiban.commons.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #16 §3: the chain head is taken last. Entries are queued by {@link AuditTrail#append} and
 * numbered, MACed and inserted at the commit of their transaction; decided rows are sealed there
 * too. The verifier's detection is unchanged: these tests tamper with entries written that way.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class AuditAtCommitTest {

    @Inject AuditTrail audit;

    private static JsonPath verify() {
        return given().auth()
                .oauth2(Tokens.auditor())
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static long headSeq(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Entries of {@code action} after {@code after} (the test database keeps the chains of earlier
     * runs).
     */
    private static long[] countMinMax(Connection c, String action, long after) throws Exception {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT COUNT(*), MIN(seq), MAX(seq) FROM audit_entry WHERE action = ? AND seq > ?")) {
            ps.setString(1, action);
            ps.setLong(2, after);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }

    private static String one(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    @DisplayName(
            "#18 writeQueued: a long transaction's entries are written as it goes, the chain goes on after them, a rollback removes them")
    void SEC_audit_entries_written_mid_transaction_continue_the_chain_and_roll_back_with_it()
            throws Exception {
        try (Connection c = TestDatabase.connect()) {
            long before = headSeq(c);
            QuarkusTransaction.requiringNew()
                    .run(
                            () -> {
                                for (int i = 1; i <= 3; i++) {
                                    audit.append("mid-tx", "bulk-item", i, Map.of("i", i));
                                }
                                audit.writeQueued();
                                audit.writeQueued(); // nothing queued: nothing written twice
                                for (int i = 4; i <= 5; i++) {
                                    audit.append("mid-tx", "bulk-item", i, Map.of("i", i));
                                }
                            });
            // 3 written mid-transaction + 2 at commit: consecutive, in the order of the calls
            assertThat(headSeq(c)).isEqualTo(before + 5);
            assertThat(countMinMax(c, "mid-tx", before)).containsExactly(5, before + 1, before + 5);
            assertThat(one(c, "SELECT entity_id FROM audit_entry WHERE seq = ?", before + 4))
                    .isEqualTo("4");
            JsonPath result = verify();
            assertThat(result.getBoolean("valid")).as(result.prettify()).isTrue();

            // written mid-transaction, then rolled back: gone, the head unmoved
            long head = headSeq(c);
            assertThatThrownBy(
                            () ->
                                    QuarkusTransaction.requiringNew()
                                            .run(
                                                    () -> {
                                                        audit.append(
                                                                "mid-tx-rolled-back",
                                                                "bulk-item",
                                                                1,
                                                                Map.of("i", 1));
                                                        audit.writeQueued();
                                                        throw new IllegalStateException(
                                                                "the import fails after its first chunk");
                                                    }))
                    .hasMessageContaining("after its first chunk");
            assertThat(headSeq(c)).isEqualTo(head);
            assertThat(countMinMax(c, "mid-tx-rolled-back", 0)[0]).isZero();
            assertThat(verify().getBoolean("valid")).isTrue();
        }
    }

    @Test
    @DisplayName(
            "#16 §3 appendAll: 1,203 entries of one transaction get consecutive seqs at commit (3 INSERTs) and verify")
    void SEC_audit_bulk_entries_of_one_transaction_are_numbered_at_commit_and_verify()
            throws Exception {
        List<AuditTrail.Item> items = new ArrayList<>();
        for (int i = 1; i <= 1203; i++) {
            items.add(new AuditTrail.Item("bulk-at-commit", "bulk-item", i, Map.of("i", i)));
        }
        try (Connection c = TestDatabase.connect()) {
            long before = headSeq(c);
            QuarkusTransaction.requiringNew().run(() -> audit.appendAll(items));
            assertThat(headSeq(c)).isEqualTo(before + 1203);
            assertThat(countMinMax(c, "bulk-at-commit", before))
                    .containsExactly(1203, before + 1, before + 1203);
            // the entries keep the order of the calls: item 700 (in the second multi-row INSERT) is
            // seq before + 700
            assertThat(one(c, "SELECT entity_id FROM audit_entry WHERE seq = ?", before + 700))
                    .isEqualTo("700");
            JsonPath result = verify();
            assertThat(result.getBoolean("valid")).as(result.prettify()).isTrue();

            long tampered = before + 700;
            String original =
                    one(c, "SELECT state_digest FROM audit_entry WHERE seq = ?", tampered);
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE audit_entry SET state_digest = ? WHERE seq = ?")) {
                ps.setString(1, "f".repeat(64));
                ps.setLong(2, tampered);
                assertThat(ps.executeUpdate()).isEqualTo(1);
                JsonPath bad = verify();
                assertThat(bad.getBoolean("valid")).isFalse();
                assertThat(bad.getLong("firstBadSeq")).isEqualTo(tampered);
                assertThat(bad.getString("reason")).contains("altered");
            } finally {
                try (PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE audit_entry SET state_digest = ? WHERE seq = ?")) {
                    ps.setString(1, original);
                    ps.setLong(2, tampered);
                    ps.executeUpdate();
                }
            }
            assertThat(verify().getBoolean("valid")).isTrue();
        }
    }

    @Test
    @DisplayName(
            "#16 §3: a transaction that rolls back appends nothing and leaves the head where it was")
    void SEC_audit_a_rolled_back_transaction_appends_nothing() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            long before = headSeq(c);
            assertThatThrownBy(
                            () ->
                                    QuarkusTransaction.requiringNew()
                                            .run(
                                                    () -> {
                                                        audit.append(
                                                                "rolled-back-at-commit",
                                                                "probe",
                                                                1,
                                                                Map.of("n", 1));
                                                        audit.append(
                                                                "rolled-back-at-commit",
                                                                "probe",
                                                                2,
                                                                Map.of("n", 2));
                                                        throw new IllegalStateException(
                                                                "the business change fails");
                                                    }))
                    .hasMessageContaining("the business change fails");
            assertThat(headSeq(c)).isEqualTo(before);
            assertThat(countMinMax(c, "rolled-back-at-commit", before)[0]).isZero();
        }
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    @Test
    @DisplayName(
            "#16 §3: a seal naming a row that does not exist rolls the whole transaction back, entries included")
    void SEC_audit_a_seal_of_a_missing_row_rolls_the_transaction_back() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            long before = headSeq(c);
            assertThatThrownBy(
                            () ->
                                    QuarkusTransaction.requiringNew()
                                            .run(
                                                    () ->
                                                            audit.append(
                                                                            "approve-widget",
                                                                            "widget",
                                                                            -1,
                                                                            Map.of("id", -1))
                                                                    .sealAtCommit(
                                                                            "sample_widget",
                                                                            "audit_mac",
                                                                            "id",
                                                                            -1L)))
                    .isInstanceOf(RuntimeException.class);
            assertThat(headSeq(c)).isEqualTo(before);
            assertThat(
                            one(
                                    c,
                                    "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'widget' AND entity_id = '-1'"))
                    .isEqualTo("0");
        }
    }

    @Test
    @DisplayName("#16 §3: a seal's table and columns must be plain SQL identifiers")
    void SEC_audit_seal_identifiers_are_checked() {
        assertThatThrownBy(
                        () ->
                                QuarkusTransaction.requiringNew()
                                        .run(
                                                () ->
                                                        audit.append(
                                                                        "approve-widget",
                                                                        "widget",
                                                                        1,
                                                                        Map.of("id", 1))
                                                                .sealAtCommit(
                                                                        "sample_widget SET name = 'x' --",
                                                                        "audit_mac",
                                                                        "id",
                                                                        1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName(
            "#16 §3, #15 item 7: an approval is sealed at commit with its entry's MAC; the row's ETag does not move")
    void SEC_sealed_state_the_seal_written_at_commit_is_the_entry_mac_and_keeps_the_etag()
            throws Exception {
        long id =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .contentType(ContentType.JSON)
                        .body(ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 1))
                        .post("/widgets")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        String etag =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .get("/widgets/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        String approved =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .header("If-Match", etag)
                        .put("/widgets/" + id + "/approval")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        assertThat(
                        given().auth()
                                .oauth2(Tokens.jpoAdmin())
                                .get("/widgets/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .header("ETag"))
                .isEqualTo(approved);
        JsonPath entries =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .queryParam("entityType", "widget")
                        .queryParam("entityId", String.valueOf(id))
                        .get("/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(entries.getString("[0].action")).isEqualTo("approve-widget");
        try (Connection c = TestDatabase.connect()) {
            assertThat(one(c, "SELECT audit_mac FROM sample_widget WHERE id = ?", id))
                    .isEqualTo(entries.getString("[0].mac"));
        }
        JsonPath result = verify();
        assertThat(result.getBoolean("valid")).as(result.prettify()).isTrue();
        assertThat(result.getList("sealViolations")).isEmpty();
    }
}
