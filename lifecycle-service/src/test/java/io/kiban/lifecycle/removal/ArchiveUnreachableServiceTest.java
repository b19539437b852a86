package io.kiban.lifecycle.removal;

import static io.kiban.lifecycle.removal.ArchiveExportsTest.archiveFiles;
import static io.kiban.lifecycle.removal.ArchiveExportsTest.assertNothingArchived;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-RM-4: asset-service (the first service the archive reads) is configured at a port nobody
 * listens on ({@code kiban.clients.asset.url}, the one place its URL is set): the connection is
 * refused, the archive is not made.
 */
@QuarkusTest
@TestProfile(ArchiveUnreachableServiceTest.AssetNotListening.class)
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class ArchiveUnreachableServiceTest {

    /** A port that was free a moment ago, closed again: nothing listens on it. */
    static final int CLOSED_PORT = closedPort();

    public static class AssetNotListening implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kiban.clients.asset.url", "http://127.0.0.1:" + CLOSED_PORT);
        }
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void reset() {
        // not Stubs.reset(): asset-service's stand-in is not where the configuration points
        Fixtures.reset();
    }

    @Test
    @DisplayName(
            "R-RM-4 a service that refuses the connection: 503 naming it, no archive row, no file")
    void R_RM_4_a_service_refusing_the_connection_fails_the_archive() {
        assertThat(
                        ConfigProvider.getConfig()
                                .getValue("quarkus.rest-client.asset-exports.url", String.class))
                .isEqualTo("http://127.0.0.1:" + CLOSED_PORT);
        Set<String> before = archiveFiles();
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/archive")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo(
                                "asset-service unreachable on GET /exports/records.json; "
                                        + "no archive was made (it must be complete)"));
        assertNothingArchived(before);
    }
}
