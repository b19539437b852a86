package io.kiban.commons.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #15 item 7: with kiban.db.migration-user set, Flyway migrates as the owner and the service's own
 * database user may only SELECT and INSERT the audit trail. The two users are created through the
 * test MariaDB's root socket; where that socket is not reachable the test is skipped (and says so).
 */
@QuarkusTest
@TestProfile(LeastPrivilegeTest.TwoUsers.class)
@QuarkusTestResource(OidcTestServer.class)
class LeastPrivilegeTest {

    static volatile boolean usersCreated;

    public static class TwoUsers implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Users.class));
        }
    }

    /**
     * Creates kiban_commons_owner (the schema owner, may grant) and kiban_commons_app (no grant at
     * all).
     */
    public static class Users implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String port =
                    System.getProperty(
                            "kiban.test.db.port",
                            System.getenv().getOrDefault("KIBAN_TEST_DB_PORT", "3307"));
            Path socket =
                    Path.of(
                            System.getenv()
                                    .getOrDefault(
                                            "KIBAN_TEST_DB_SOCKET",
                                            Path.of(
                                                            "..",
                                                            ".kiban",
                                                            "mariadb-" + port,
                                                            "mariadbd.sock")
                                                    .toString()));
            if (!Files.exists(socket)) {
                return Map.of();
            }
            String sql =
                    "CREATE USER IF NOT EXISTS 'kiban_commons_owner'@'%' IDENTIFIED BY 'kiban';"
                            + "GRANT ALL PRIVILEGES ON `kiban_commons`.* TO 'kiban_commons_owner'@'%' WITH GRANT OPTION;"
                            + "DROP USER IF EXISTS 'kiban_commons_app'@'%';"
                            + "CREATE USER 'kiban_commons_app'@'%' IDENTIFIED BY 'kiban';";
            try {
                Process p =
                        new ProcessBuilder("mariadb", "-S", socket.toString(), "-uroot", "-e", sql)
                                .redirectErrorStream(true)
                                .start();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    System.err.println(
                            "LeastPrivilegeTest: cannot create the users through "
                                    + socket
                                    + ": "
                                    + new String(p.getInputStream().readAllBytes()));
                    return Map.of();
                }
            } catch (Exception e) {
                System.err.println("LeastPrivilegeTest: no root socket: " + e.getMessage());
                return Map.of();
            }
            usersCreated = true;
            return Map.of(
                    "kiban.db.migration-user",
                    "kiban_commons_owner",
                    "kiban.db.migration-password",
                    "kiban",
                    "quarkus.datasource.username",
                    "kiban_commons_app");
        }

        @Override
        public void stop() {}
    }

    private static void denied(Connection c, String sql) {
        assertThatThrownBy(
                        () -> {
                            try (Statement st = c.createStatement()) {
                                st.executeUpdate(sql);
                            }
                        })
                .as(sql)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("denied");
    }

    @Test
    @DisplayName(
            "SEC_db_least_privilege: the service works, but its own database user cannot UPDATE or DELETE the audit trail")
    void SEC_db_least_privilege_the_service_user_cannot_rewrite_the_audit_trail() throws Exception {
        assertThat(usersCreated)
                .as(
                        "the test MariaDB's root socket (scripts/mariadb.sh) must be reachable to create the users: a failure, never a skip")
                .isTrue();
        // the service runs as kiban_commons_app: business writes, audit appends and the head update
        // all work
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 4))
                .post("/widgets")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", org.hamcrest.Matchers.equalTo(true));
        try (Connection c = TestDatabase.connect()) {
            assertThat(c.getMetaData().getUserName()).startsWith("kiban_commons_app");
            denied(c, "UPDATE audit_entry SET action = 'forged' WHERE seq = 1");
            denied(c, "DELETE FROM audit_entry WHERE seq = 1");
            denied(c, "TRUNCATE TABLE audit_entry");
            denied(c, "UPDATE audit_head SET chain_id = UUID() WHERE id = 1");
            denied(c, "DELETE FROM audit_head");
            denied(c, "DROP TABLE audit_entry");
            try (Statement st = c.createStatement()) {
                // business tables stay writable
                assertThat(
                                st.executeUpdate(
                                        "UPDATE sample_widget SET quantity = quantity WHERE id = -1"))
                        .isZero();
            }
        }
    }
}
