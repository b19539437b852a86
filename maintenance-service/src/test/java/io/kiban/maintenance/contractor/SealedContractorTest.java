package io.kiban.maintenance.contractor;

import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.ADMIN2;
import static io.kiban.maintenance.Fixtures.AUDITOR;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.approvedContractor;
import static io.kiban.maintenance.Fixtures.etag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * #15 item 7: a contractor's approval and revocation are sealed by their audit entries (R-MT-4).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class SealedContractorTest {

    @jakarta.inject.Inject ContractorSeals seals;

    private static JsonPath verify() {
        return given().auth()
                .oauth2(AUDITOR)
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static long proposed(String name) {
        return given().auth()
                .oauth2(VENDOR_A)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "scope", "HDD shredding"))
                .post("/contractors")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
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
    void SEC_sealed_a_contractor_flipped_to_approved_in_sql_makes_audit_verify_invalid()
            throws Exception {
        long approved =
                approvedContractor(VENDOR_A, ADMIN, "Sealed Shredding " + System.nanoTime());
        long forged = proposed("Forged Shredding " + System.nanoTime());
        JsonPath before = verify();
        assertThat(before.getBoolean("valid")).as(before.prettify()).isTrue();
        try (Connection c = TestDatabase.connect()) {
            try {
                update(
                        c,
                        "UPDATE contractor SET status = 'APPROVED', approved_by = 'jpo-admin-user',"
                                + " approved_at = NOW(6) WHERE id = ?",
                        forged);
                JsonPath result = verify();
                assertThat(result.getBoolean("valid")).isFalse();
                List<Map<String, Object>> violations = result.getList("sealViolations");
                assertThat(violations).hasSize(1);
                assertThat(violations.get(0))
                        .containsEntry("entityType", "contractor")
                        .containsEntry("entityId", String.valueOf(forged))
                        .containsEntry("action", "approve-contractor");
                assertThat((String) violations.get(0).get("reason"))
                        .contains("contractor " + forged)
                        .contains("no audit MAC");

                update(
                        c,
                        "UPDATE contractor SET audit_mac = (SELECT m FROM (SELECT audit_mac AS m FROM contractor"
                                + " WHERE id = ?) x) WHERE id = ?",
                        approved,
                        forged);
                violations = verify().getList("sealViolations");
                assertThat(violations).hasSize(1);
                assertThat((String) violations.get(0).get("reason"))
                        .contains("contractor " + forged)
                        .contains("copied from another entry");
            } finally {
                update(
                        c,
                        "UPDATE contractor SET status = 'PROPOSED', approved_by = NULL, approved_at = NULL,"
                                + " audit_mac = NULL WHERE id = ?",
                        forged);
            }
            assertThat(verify().getBoolean("valid")).isTrue();
        }
    }

    @Test
    void SEC_sealed_the_legacy_sealing_ran_once_at_start_and_never_launders_a_row_forged_later()
            throws Exception {
        given().auth()
                .oauth2(AUDITOR)
                .queryParam("entityType", "contractor")
                .queryParam("entityId", "V30")
                .get("/audit")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1")
                .body("[0].action", org.hamcrest.Matchers.equalTo("seal-legacy-contractors"))
                .body("[0].subject", org.hamcrest.Matchers.equalTo("legacy-seal"));
        long forged = proposed("Laundered Shredding " + System.nanoTime());
        try (Connection c = TestDatabase.connect()) {
            try {
                update(
                        c,
                        "UPDATE contractor SET status = 'APPROVED', approved_by = 'jpo-admin-user',"
                                + " approved_at = NOW(6) WHERE id = ?",
                        forged);
                seals.sealLegacyDecisions(
                        null); // as a restart would: the marker exists, nothing is sealed
                try (var ps = c.prepareStatement("SELECT audit_mac FROM contractor WHERE id = ?")) {
                    ps.setLong(1, forged);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getString(1)).isNull();
                    }
                }
                assertThat(verify().getBoolean("valid")).isFalse();
            } finally {
                update(
                        c,
                        "UPDATE contractor SET status = 'PROPOSED', approved_by = NULL, approved_at = NULL"
                                + " WHERE id = ?",
                        forged);
            }
            assertThat(verify().getBoolean("valid")).isTrue();
        }
    }

    @Test
    void SEC_sealed_a_revocation_rolled_back_to_the_earlier_approval_in_sql_is_reported()
            throws Exception {
        long id = approvedContractor(VENDOR_A, ADMIN, "Revoked Shredding " + System.nanoTime());
        try (Connection c = TestDatabase.connect()) {
            String approvalMac;
            try (var ps = c.prepareStatement("SELECT audit_mac FROM contractor WHERE id = ?")) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    approvalMac = rs.getString(1);
                }
            }
            given().auth()
                    .oauth2(ADMIN2)
                    .contentType(ContentType.JSON)
                    .header("If-Match", etag("/contractors/" + id))
                    .body(Map.of("reason", "certificates forged"))
                    .post("/contractors/" + id + "/revocation")
                    .then()
                    .statusCode(200);
            assertThat(verify().getBoolean("valid")).isTrue();
            String[] revoked = new String[4];
            try (var ps =
                    c.prepareStatement(
                            "SELECT revoked_at, revoked_by, revocation_reason, audit_mac FROM contractor WHERE id = ?")) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    for (int i = 0; i < 4; i++) {
                        revoked[i] = rs.getString(i + 1);
                    }
                }
            }
            try {
                // every column back as it was after the approval, its genuine MAC included
                update(
                        c,
                        "UPDATE contractor SET status = 'APPROVED', revoked_at = NULL, revoked_by = NULL,"
                                + " revocation_reason = NULL, audit_mac = ? WHERE id = ?",
                        approvalMac,
                        id);
                List<Map<String, Object>> violations = verify().getList("sealViolations");
                assertThat(violations).hasSize(1);
                assertThat(violations.get(0)).containsEntry("entityId", String.valueOf(id));
                assertThat((String) violations.get(0).get("reason"))
                        .contains("contractor " + id)
                        .contains("revoke-contractor")
                        .contains("rolled back");
            } finally {
                update(
                        c,
                        "UPDATE contractor SET status = 'REVOKED', revoked_at = ?, revoked_by = ?,"
                                + " revocation_reason = ?, audit_mac = ? WHERE id = ?",
                        revoked[0],
                        revoked[1],
                        revoked[2],
                        revoked[3],
                        id);
            }
            assertThat(verify().getBoolean("valid")).isTrue();
        }
    }
}
