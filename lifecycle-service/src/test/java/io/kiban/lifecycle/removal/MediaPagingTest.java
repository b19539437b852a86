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
import io.kiban.lifecycle.testing.MediaReport;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-RM-3 against maintenance-service's paged {@code GET /reports/media-destruction} (#19: the one
 * owner of "are these media destroyed?"; size ≤ 200, X-Total-Count), and #15 item 12: a call
 * answered 401 is made once more with a fresh service token.
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

    /**
     * Rows {@code from}…{@code to-1} of STAGING's destruction report: ledger media M-{i}, all
     * destroyed except M-249; M-42 left the ledger without custody; row 250 is a failure-analysis
     * log medium tracked only in maintenance-service.
     */
    static String page(int from, int to) {
        List<String> rows = new java.util.ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add(
                    i == 250
                            ? MediaReport.row("LOG-USB-1", false, "IN_CUSTODY", false, null, false)
                            : MediaReport.row(
                                    "M-" + i,
                                    true,
                                    i == 249 ? "EVIDENCE_SUBMITTED" : "EVIDENCE_ACCEPTED",
                                    i != 249,
                                    i == 249 ? null : "2031-01-01T00:00:00Z",
                                    i == 42));
        }
        return "[" + String.join(",", rows) + "]";
    }

    static void report(String total, String... pages) {
        for (int p = 0; p < pages.length; p++) {
            Stubs.maintenance()
                    .register(
                            get(urlPathEqualTo("/reports/media-destruction"))
                                    .withQueryParam("environment", WireMock.equalTo("STAGING"))
                                    .withQueryParam("page", WireMock.equalTo(String.valueOf(p)))
                                    .withQueryParam("size", WireMock.equalTo("200"))
                                    .willReturn(
                                            okJson(pages[p]).withHeader("X-Total-Count", total)));
        }
    }

    @Test
    @DisplayName(
            "R-RM-3 #19 the gate reads all 250 media of maintenance-service's destruction report over two pages, in one question per page")
    void R_RM_3_gate_pages_through_all_media() {
        report("251", page(0, 200), page(200, 251), "[]");
        copies("STAGING", "[]");
        JsonPath r = readiness("STAGING");
        List<String> mediumBlockers =
                r.getList("blockers.findAll { it.kind.startsWith('MEDIUM') }.id");
        assertThat(mediumBlockers).containsExactlyInAnyOrder("medium:M-249", "medium-custody:M-42");
        assertThat(r.getString("blockers.find { it.id == 'medium:M-249' }.detail"))
                .isEqualTo(
                        "R-RM-3: medium M-249 has no accepted destruction evidence (status EVIDENCE_SUBMITTED)");
        assertThat(r.getString("blockers.find { it.id == 'medium:M-249' }.source"))
                .isEqualTo("maintenance-service /reports/media-destruction?environment=STAGING");
        assertThat(r.getList("blockers.kind")).doesNotContain("SERVICE_UNAVAILABLE");
        Stubs.maintenance()
                .verifyThat(2, getRequestedFor(urlPathEqualTo("/reports/media-destruction")));
        Stubs.maintenance()
                .verifyThat(
                        1,
                        getRequestedFor(urlPathEqualTo("/reports/media-destruction"))
                                .withQueryParam("page", WireMock.equalTo("1"))
                                .withQueryParam("size", WireMock.equalTo("200")));
        // no disk-by-disk question, and no question to asset-service
        Stubs.maintenance().verifyThat(0, getRequestedFor(urlPathMatching("/media/.*")));
        Stubs.asset().verifyThat(0, getRequestedFor(urlPathMatching("/media.*")));
    }

    @Test
    @DisplayName(
            "R-RM-3 pages that hold fewer media than X-Total-Count announced are no answer: the gate blocks")
    void R_RM_3_an_incomplete_list_blocks() {
        report("252", page(0, 200), page(200, 251), "[]");
        copies("STAGING", "[]");
        JsonPath r = readiness("STAGING");
        assertThat(r.getList("blockers.id")).contains("service:maintenance-service");
        assertThat(r.getString("blockers.find { it.id == 'service:maintenance-service' }.detail"))
                .contains("252")
                .contains("251");
        assertThat(r.getList("blockers.kind")).doesNotContain("MEDIUM_WITHOUT_ACCEPTED_EVIDENCE");
    }

    @Test
    @DisplayName(
            "SEC #15 item 12 maintenance-service answers 401 once: the REST client retries with a fresh service token")
    void SEC_rest_client_retries_once_on_401() {
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/media-destruction"))
                                .atPriority(1)
                                .inScenario("lapsed")
                                .whenScenarioStateIs(Scenario.STARTED)
                                .willReturn(aResponse().withStatus(401))
                                .willSetStateTo("retried"));
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/media-destruction"))
                                .atPriority(1)
                                .inScenario("lapsed")
                                .whenScenarioStateIs("retried")
                                .willReturn(
                                        okJson(page(200, 202)).withHeader("X-Total-Count", "2")));
        copies("STAGING", "[]");
        JsonPath r = readiness("STAGING");
        assertThat(r.getList("blockers.kind")).doesNotContain("SERVICE_UNAVAILABLE");
        assertThat(r.getList("blockers.findAll { it.kind.startsWith('MEDIUM') }.id")).isEmpty();
        Stubs.maintenance()
                .verifyThat(2, getRequestedFor(urlPathEqualTo("/reports/media-destruction")));

        // a second 401 is passed on: the gate blocks, it does not loop
        Stubs.reset();
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/media-destruction"))
                                .atPriority(1)
                                .willReturn(aResponse().withStatus(401)));
        copies("STAGING", "[]");
        assertThat(readiness("STAGING").getList("blockers.id"))
                .contains("service:maintenance-service");
        Stubs.maintenance()
                .verifyThat(2, getRequestedFor(urlPathEqualTo("/reports/media-destruction")));
    }

    @Test
    @DisplayName(
            "R-RM-3 R-MT-5 #19 evidence accepted but breaking R-MT-5 is not destroyed: the gate blocks and names the rule")
    void R_RM_3_accepted_evidence_that_breaks_the_rules_blocks() {
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/media-destruction"))
                                .withQueryParam("environment", WireMock.equalTo("STAGING"))
                                .willReturn(
                                        okJson(
                                                        "[{\"serial\":\"SSD-OVR\",\"inLedger\":true,\"source\":\"part\","
                                                                + "\"custodyStatus\":\"EVIDENCE_ACCEPTED\",\"destroyed\":false,\"pending\":\"METHOD_NOT_CONFORMING\","
                                                                + "\"nonConformities\":[\"R-MT-5: OVERWRITE on SSD is CLEAR, not PURGE\"],"
                                                                + "\"acceptedAt\":\"2031-01-01T00:00:00Z\",\"removedWithoutCustodyReference\":false}]")
                                                .withHeader("X-Total-Count", "1")));
        copies("STAGING", "[]");
        JsonPath r = readiness("STAGING");
        assertThat(r.getList("blockers.findAll { it.kind.startsWith('MEDIUM') }.id"))
                .containsExactly("medium:SSD-OVR");
        assertThat(r.getString("blockers.find { it.id == 'medium:SSD-OVR' }.detail"))
                .isEqualTo(
                        "R-RM-3: medium SSD-OVR's accepted evidence does not satisfy the rules: "
                                + "R-MT-5: OVERWRITE on SSD is CLEAR, not PURGE");
    }

    @Test
    @DisplayName(
            "SEC #15 item 12 R-RM-4 the archive's export REST client retries once with a fresh token on 401, and fails on a second")
    void SEC_archive_fetch_retries_once_on_401() throws Exception {
        stubExports();
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/exports/records.json"))
                                .atPriority(1)
                                .inScenario("lapsed")
                                .whenScenarioStateIs(Scenario.STARTED)
                                .willReturn(aResponse().withStatus(401))
                                .willSetStateTo("retried"));
        long id =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .post("/archive")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        byte[] zip =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/archive/" + id + "/file")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(new String(PhaseRemovalTest.unzip(zip).get("asset-service/records.json")))
                .as("the answer to the retry is archived")
                .isEqualTo("{\"service\":\"asset\"}");
        Stubs.asset().verifyThat(2, getRequestedFor(urlPathEqualTo("/exports/records.json")));
        var tokens =
                Stubs.asset()
                        .find(getRequestedFor(urlPathEqualTo("/exports/records.json")))
                        .stream()
                        .map(req -> req.getHeader("Authorization"))
                        .toList();
        assertThat(tokens.get(0)).startsWith("Bearer ");
        assertThat(tokens.get(1))
                .as("the retry carries a token fetched anew")
                .isNotEqualTo(tokens.get(0));

        Stubs.reset();
        stubExports();
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/exports/records.json"))
                                .atPriority(1)
                                .willReturn(aResponse().withStatus(401)));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/archive")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        org.hamcrest.Matchers.equalTo(
                                "asset-service answered HTTP 401 on GET /exports/records.json; "
                                        + "no archive was made (it must be complete)"));
        Stubs.asset().verifyThat(2, getRequestedFor(urlPathEqualTo("/exports/records.json")));
    }
}
