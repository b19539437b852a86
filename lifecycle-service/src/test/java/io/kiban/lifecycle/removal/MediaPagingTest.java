package io.kiban.lifecycle.removal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.copies;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.readiness;
import static io.kiban.lifecycle.removal.PhaseRemovalTest.stubExports;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-RM-3 against asset-service's paged {@code GET /media} (default 50, max 200, X-Total-Count), and #15 item 12:
 * a call answered 401 is made once more with a fresh service token.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class MediaPagingTest {

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    /** One page of STAGING media: serials M-{from}…M-{to-1}; M-7 holds no data, M-42 left without custody. */
    static String page(int from, int to) {
        StringBuilder json = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            json.append(i == from ? "" : ",").append("{\"id\":").append(i).append(",\"serial\":\"M-").append(i)
                    .append("\",\"kind\":\"SSD\",\"environment\":\"STAGING\",\"installed\":false")
                    .append(",\"dataBearing\":").append(i != 7)
                    .append(",\"removedWithoutCustodyReference\":").append(i == 42).append("}");
        }
        return json.append("]").toString();
    }

    static void media(String total, String... pages) {
        for (int p = 0; p < pages.length; p++) {
            Stubs.asset().register(get(urlPathEqualTo("/media"))
                    .withQueryParam("environment", WireMock.equalTo("STAGING"))
                    .withQueryParam("include", WireMock.equalTo("removed"))
                    .withQueryParam("page", WireMock.equalTo(String.valueOf(p)))
                    .withQueryParam("size", WireMock.equalTo("200"))
                    .willReturn(okJson(pages[p]).withHeader("X-Total-Count", total)));
        }
    }

    /** Every medium's evidence accepted, except M-249 (on the last page) and M-7 (which holds no data). */
    static void evidence() {
        Stubs.maintenance().register(get(urlPathMatching("/media/M-[0-9]+/evidence-status")).atPriority(5)
                .willReturn(okJson("{\"status\":\"EVIDENCE_ACCEPTED\",\"accepted\":true}")));
        for (String serial : List.of("M-249", "M-7")) {
            Stubs.maintenance().register(get(urlPathEqualTo("/media/" + serial + "/evidence-status")).atPriority(1)
                    .willReturn(okJson("{\"serial\":\"" + serial + "\",\"status\":\"EVIDENCE_SUBMITTED\",\"accepted\":false}")));
        }
    }

    @Test
    @DisplayName("R-RM-3 the gate reads all 250 media over two pages; dataBearing false is skipped, removedWithoutCustodyReference blocks")
    void R_RM_3_gate_pages_through_all_media() {
        media("250", page(0, 200), page(200, 250), "[]");
        evidence();
        copies("STAGING", "[]");
        JsonPath r = readiness("STAGING");
        List<String> mediumBlockers = r.getList("blockers.findAll { it.kind.startsWith('MEDIUM') }.id");
        assertThat(mediumBlockers).containsExactlyInAnyOrder("medium:M-249", "medium-custody:M-42");
        assertThat(r.getList("blockers.kind")).doesNotContain("SERVICE_UNAVAILABLE");
        Stubs.asset().verifyThat(2, getRequestedFor(urlPathEqualTo("/media")));
        // 249 data-bearing media asked about, M-7 never
        Stubs.maintenance().verifyThat(249, getRequestedFor(urlPathMatching("/media/M-[0-9]+/evidence-status")));
        Stubs.maintenance().verifyThat(0, getRequestedFor(urlPathEqualTo("/media/M-7/evidence-status")));
    }

    @Test
    @DisplayName("R-RM-3 pages that hold fewer media than X-Total-Count announced are no answer: the gate blocks")
    void R_RM_3_an_incomplete_list_blocks() {
        media("251", page(0, 200), page(200, 250));
        evidence();
        copies("STAGING", "[]");
        JsonPath r = readiness("STAGING");
        assertThat(r.getList("blockers.id")).contains("service:asset-service");
        assertThat(r.getString("blockers.find { it.id == 'service:asset-service' }.detail")).contains("251").contains("250");
        assertThat(r.getList("blockers.kind")).doesNotContain("MEDIUM_WITHOUT_ACCEPTED_EVIDENCE");
    }

    @Test
    @DisplayName("SEC #15 item 12 asset-service answers 401 once: the REST client retries with a fresh service token")
    void SEC_rest_client_retries_once_on_401() {
        Stubs.asset().register(get(urlPathEqualTo("/media")).atPriority(1).inScenario("lapsed")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(401))
                .willSetStateTo("retried"));
        Stubs.asset().register(get(urlPathEqualTo("/media")).atPriority(1).inScenario("lapsed")
                .whenScenarioStateIs("retried").willReturn(okJson(page(200, 202)).withHeader("X-Total-Count", "2")));
        evidence();
        copies("STAGING", "[]");
        JsonPath r = readiness("STAGING");
        assertThat(r.getList("blockers.kind")).doesNotContain("SERVICE_UNAVAILABLE");
        assertThat(r.getList("blockers.findAll { it.kind.startsWith('MEDIUM') }.id")).isEmpty();
        Stubs.asset().verifyThat(2, getRequestedFor(urlPathEqualTo("/media")));

        // a second 401 is passed on: the gate blocks, it does not loop
        Stubs.reset();
        Stubs.asset().register(get(urlPathEqualTo("/media")).willReturn(aResponse().withStatus(401)));
        copies("STAGING", "[]");
        assertThat(readiness("STAGING").getList("blockers.id")).contains("service:asset-service");
        Stubs.asset().verifyThat(2, getRequestedFor(urlPathEqualTo("/media")));
    }

    @Test
    @DisplayName("SEC #15 item 12 the archive's own HTTP fetch retries once with a fresh token on 401, and fails on a second")
    void SEC_archive_fetch_retries_once_on_401() {
        stubExports();
        Stubs.asset().register(get(urlPathEqualTo("/exports/records.json")).atPriority(1).inScenario("lapsed")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(401)).willSetStateTo("retried"));
        given().auth().oauth2(Tokens.jpoAdmin()).post("/archive").then().statusCode(201);
        Stubs.asset().verifyThat(2, getRequestedFor(urlPathEqualTo("/exports/records.json")));
        var tokens = Stubs.asset().find(getRequestedFor(urlPathEqualTo("/exports/records.json"))).stream()
                .map(req -> req.getHeader("Authorization")).toList();
        assertThat(tokens.get(0)).startsWith("Bearer ");
        assertThat(tokens.get(1)).as("the retry carries a token fetched anew").isNotEqualTo(tokens.get(0));

        Stubs.reset();
        stubExports();
        Stubs.asset().register(get(urlPathEqualTo("/exports/records.json")).atPriority(1)
                .willReturn(aResponse().withStatus(401)));
        given().auth().oauth2(Tokens.jpoAdmin()).post("/archive").then().statusCode(503)
                .contentType("application/problem+json");
        Stubs.asset().verifyThat(2, getRequestedFor(urlPathEqualTo("/exports/records.json")));
    }
}
