package io.kiban.lifecycle.removal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.CERTIFICATE;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.stubExports;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.kiban.commons.json.Hashes;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-RM-4 through the export REST clients (#19: one pattern for every remote call): each fetch asks
 * for its own media type, and a service that answers anything but 200 or breaks its answer off
 * midway fails the whole archive — 503 naming it, no archive row, no file. (401 then 200: {@code
 * MediaPagingTest.SEC_archive_fetch_retries_once_on_401}; a service that cannot be reached at all:
 * {@code ArchiveUnreachableServiceTest}.)
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class ArchiveExportsTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    @Test
    @DisplayName(
            "R-RM-4 each export is asked for in its own media type (problem+json besides), with the service token")
    void R_RM_4_each_fetch_asks_for_its_media_type() {
        stubExports();
        given().auth().oauth2(Tokens.jpoAdmin()).post("/archive").then().statusCode(201);

        String cert = Hashes.sha256Hex(CERTIFICATE);
        assertThat(accept(Stubs.asset(), "/exports/records.json"))
                .containsExactly("application/json", "application/problem+json");
        assertThat(accept(Stubs.asset(), "/audit/export"))
                .containsExactly("application/json", "application/problem+json");
        assertThat(accept(Stubs.asset(), "/exports/standard-sheet.xlsx"))
                .containsExactly(XLSX, "application/problem+json");
        assertThat(accept(Stubs.maintenance(), "/reports/destruction-register.xlsx"))
                .containsExactly(XLSX, "application/problem+json");
        assertThat(accept(Stubs.maintenance(), "/evidence-files/" + cert))
                .containsExactly("application/octet-stream", "application/problem+json");
        assertThat(accept(Stubs.backup(), "/exports/records.json"))
                .containsExactly("application/json", "application/problem+json");
        for (WireMock service : List.of(Stubs.asset(), Stubs.maintenance(), Stubs.backup())) {
            service.verifyThat(
                    getRequestedFor(urlPathEqualTo("/exports/records.json"))
                            .withHeader("Authorization", WireMock.matching("Bearer .+")));
        }
    }

    @Test
    @DisplayName(
            "R-RM-4 a 500 from one service: 503 naming it and what it was asked, no archive row, no file")
    void R_RM_4_a_500_from_one_service_fails_the_archive_and_nothing_is_archived() {
        stubExports();
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/audit/export"))
                                .atPriority(1)
                                .willReturn(serverError()));
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
                                "maintenance-service answered HTTP 500 on GET /audit/export; "
                                        + "no archive was made (it must be complete)"));
        assertNothingArchived(before);
        // the services before it in the archive were read, the ones after it never asked
        Stubs.asset().verifyThat(1, getRequestedFor(urlPathEqualTo("/audit/export")));
        Stubs.maintenance()
                .verifyThat(
                        0, getRequestedFor(urlPathEqualTo("/reports/destruction-register.xlsx")));
    }

    @Test
    @DisplayName(
            "R-RM-4 an answer broken off midway (a malformed chunk, fewer bytes than announced, garbage then close): 503 naming the service, nothing archived")
    void R_RM_4_an_answer_broken_off_mid_stream_fails_the_archive_and_nothing_is_archived() {
        String cert = Hashes.sha256Hex(CERTIFICATE);
        Set<String> before = archiveFiles();

        // a 200 whose chunked body turns into garbage and the connection closes
        stubExports();
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/evidence-files/" + cert))
                                .atPriority(1)
                                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/archive")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("maintenance-service broke off its answer"))
                .body("detail", containsString(" on GET /evidence-files/" + cert + "; no archive"));
        assertNothingArchived(before);

        // a 200 announcing 1 MiB and closing after 11 bytes
        Stubs.reset();
        stubExports();
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/exports/records.json"))
                                .atPriority(1)
                                .willReturn(
                                        aResponse()
                                                .withStatus(200)
                                                .withHeader("Content-Length", "1048576")
                                                .withBody("{\"service\":")));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/archive")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("backup-service broke off its answer"))
                .body("detail", containsString(" on GET /exports/records.json; no archive"));
        assertNothingArchived(before);

        // bytes that are no HTTP answer at all, then the connection closes: no answer came
        Stubs.reset();
        stubExports();
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/exports/standard-sheet.xlsx"))
                                .atPriority(1)
                                .willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/archive")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo(
                                "asset-service unreachable on GET /exports/standard-sheet.xlsx; "
                                        + "no archive was made (it must be complete)"));
        assertNothingArchived(before);
    }

    @Test
    @DisplayName("R-RM-4 an answer other than 200 that is no error (204) fails the archive too")
    void R_RM_4_a_204_fails_the_archive() {
        stubExports();
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/exports/records.json"))
                                .atPriority(1)
                                .willReturn(aResponse().withStatus(204)));
        Set<String> before = archiveFiles();
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/archive")
                .then()
                .statusCode(503)
                .body(
                        "detail",
                        equalTo(
                                "asset-service answered HTTP 204 on GET /exports/records.json; "
                                        + "no archive was made (it must be complete)"));
        assertNothingArchived(before);
    }

    /** The media types a fetch asked for, in order. */
    static List<String> accept(WireMock service, String path) {
        var requests = service.find(getRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).as(path).hasSize(1);
        return Arrays.stream(requests.get(0).getHeader("Accept").split(","))
                .map(String::trim)
                .toList();
    }

    /** The files of the archive directory (other tests' archives stay there). */
    static Set<String> archiveFiles() {
        Path dir = Path.of("target/documents/archives");
        try {
            Files.createDirectories(dir);
            try (var files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No archive row, no new file (no zip, no partial file, no temporary copy). */
    static void assertNothingArchived(Set<String> before) {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/archive")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        assertThat(archiveFiles()).as("no file is left behind").isEqualTo(before);
    }
}
