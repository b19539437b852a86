package io.kiban.maintenance.evidence;

import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.AUDITOR;
import static io.kiban.maintenance.Fixtures.PDF;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.acceptedEvidence;
import static io.kiban.maintenance.Fixtures.evidenceBody;
import static io.kiban.maintenance.Fixtures.removedPartInCustody;
import static io.kiban.maintenance.Fixtures.submit;
import static io.kiban.maintenance.Fixtures.upload;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * #15 item 7: accepted evidence is sealed by its audit entry. Someone with database access who
 * turns SUBMITTED evidence into ACCEPTED with an UPDATE rewrites no audit entry, so the chain stays
 * valid, but /audit/verify now names the evidence.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class SealedEvidenceTest {

    static JsonPath verify() {
        return given().auth()
                .oauth2(AUDITOR)
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static String column(Connection c, String sql, long id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static long submittedWithFile(String hardware) {
        long ticket = workingTicket(VENDOR_A, hardware, "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        long evidence =
                submit(VENDOR_A, item, evidenceBody("DESTROY", "SHRED"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        upload(VENDOR_A, evidence, "certificate.pdf", PDF, "application/pdf")
                .then()
                .statusCode(201);
        return evidence;
    }

    @Test
    void SEC_sealed_accepted_evidence_carries_the_mac_of_its_audit_entry_and_verifies()
            throws Exception {
        long ticket = workingTicket(VENDOR_A, "HW-SEAL-1", "MEDIA_FAILURE");
        long item = removedPartInCustody(VENDOR_A, ticket, "HDD");
        long evidence = acceptedEvidence(VENDOR_A, item);
        JsonPath audit =
                given().auth()
                        .oauth2(ADMIN)
                        .queryParam("entityType", "evidence")
                        .queryParam("entityId", String.valueOf(evidence))
                        .get("/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(audit.getString("[0].action")).isEqualTo("accept-evidence");
        try (Connection c = TestDatabase.connect()) {
            assertThat(column(c, "SELECT audit_mac FROM evidence WHERE id = ?", evidence))
                    .isEqualTo(audit.getString("[0].mac"));
        }
        JsonPath result = verify();
        assertThat(result.getBoolean("valid")).as(result.prettify()).isTrue();
        assertThat(result.getList("sealViolations")).isEmpty();
    }

    @Test
    void SEC_sealed_submitted_evidence_turned_accepted_in_sql_makes_audit_verify_invalid()
            throws Exception {
        long donor =
                acceptedEvidence(
                        VENDOR_A,
                        removedPartInCustody(
                                VENDOR_A,
                                workingTicket(VENDOR_A, "HW-SEAL-2", "MEDIA_FAILURE"),
                                "HDD"));
        long forged = submittedWithFile("HW-SEAL-3");
        assertThat(verify().getBoolean("valid")).isTrue();
        try (Connection c = TestDatabase.connect()) {
            String donorMac = column(c, "SELECT audit_mac FROM evidence WHERE id = ?", donor);
            try {
                // the forger: no audit entry at all
                try (PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE evidence SET status = 'ACCEPTED',"
                                        + " decided_by = 'jpo-admin-user', decided_at = NOW(6) WHERE id = ? AND status = 'SUBMITTED'")) {
                    ps.setLong(1, forged);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                JsonPath result = verify();
                assertThat(result.getBoolean("valid")).isFalse();
                assertThat(result.getString("firstBadSeq")).isNull(); // the chain itself is intact
                List<Map<String, Object>> violations = result.getList("sealViolations");
                assertThat(violations).hasSize(1);
                assertThat(violations.get(0))
                        .containsEntry("entityType", "evidence")
                        .containsEntry("entityId", String.valueOf(forged))
                        .containsEntry("action", "accept-evidence");
                assertThat((String) violations.get(0).get("reason"))
                        .contains("evidence " + forged)
                        .contains("no audit MAC");

                // the forger copies the MAC of another acceptance onto the row
                withoutWormTrigger(
                        c,
                        "UPDATE evidence SET audit_mac = '" + donorMac + "' WHERE id = " + forged);
                result = verify();
                assertThat(result.getBoolean("valid")).isFalse();
                violations = result.getList("sealViolations");
                assertThat(violations).hasSize(1);
                assertThat(violations.get(0)).containsEntry("entityId", String.valueOf(forged));
                assertThat((String) violations.get(0).get("reason"))
                        .contains("evidence " + forged)
                        .contains("copied from another entry");
            } finally {
                withoutWormTrigger(
                        c,
                        "UPDATE evidence SET status = 'SUBMITTED', decided_by = NULL, decided_at = NULL,"
                                + " audit_mac = NULL WHERE id = "
                                + forged);
            }
            assertThat(verify().getBoolean("valid")).isTrue();
        }
    }

    @Test
    void
            R_MT_6_accepted_evidence_stays_immutable_its_only_allowed_update_is_sealing_a_row_without_mac()
                    throws Exception {
        long evidence =
                acceptedEvidence(
                        VENDOR_A,
                        removedPartInCustody(
                                VENDOR_A,
                                workingTicket(VENDOR_A, "HW-SEAL-4", "MEDIA_FAILURE"),
                                "HDD"));
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement()) {
            String mac = column(c, "SELECT audit_mac FROM evidence WHERE id = ?", evidence);
            for (String change :
                    new String[] {
                        "audit_mac = NULL",
                        "audit_mac = REPEAT('0', 64)",
                        "decided_by = 'someone else'"
                    }) {
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () ->
                                        s.executeUpdate(
                                                "UPDATE evidence SET "
                                                        + change
                                                        + " WHERE id = "
                                                        + evidence))
                        .as(change)
                        .hasMessageContaining("R-MT-6");
            }
            // a row accepted before V30 (no MAC): only its MAC may be set, nothing else with it
            withoutWormTrigger(c, "UPDATE evidence SET audit_mac = NULL WHERE id = " + evidence);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () ->
                                    s.executeUpdate(
                                            "UPDATE evidence SET audit_mac = '"
                                                    + mac
                                                    + "', decided_by = 'someone else' WHERE id = "
                                                    + evidence))
                    .hasMessageContaining("R-MT-6");
            assertThat(
                            s.executeUpdate(
                                    "UPDATE evidence SET audit_mac = '"
                                            + mac
                                            + "' WHERE id = "
                                            + evidence))
                    .isEqualTo(1);
            assertThat(column(c, "SELECT decided_by FROM evidence WHERE id = ?", evidence))
                    .isNotEqualTo("someone else");
        }
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    /**
     * Test clean-up only: R-MT-6's trigger refuses every change of accepted rows, so it is set
     * aside meanwhile.
     */
    static void withoutWormTrigger(Connection c, String update) throws Exception {
        String body = null;
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT ACTION_STATEMENT FROM information_schema.TRIGGERS"
                                        + " WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'evidence_worm_update'")) {
            assertThat(rs.next()).isTrue();
            body = rs.getString(1);
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER evidence_worm_update");
            try {
                assertThat(s.executeUpdate(update)).isEqualTo(1);
            } finally {
                s.execute(
                        "CREATE TRIGGER evidence_worm_update BEFORE UPDATE ON evidence FOR EACH ROW "
                                + body);
            }
        }
    }
}
