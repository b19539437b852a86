package io.kiban.lifecycle.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Accounts;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.kiban.lifecycle.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class DeliveryTest {

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    @Test
    void R_LC_3_an_extension_needs_a_cause_an_explanation_and_a_date_no_later_than_2027_06_30() {
        baseline("PRODUCTION", "k8s-worker");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(
                        ext(
                                "PRODUCTION",
                                "k8s-worker",
                                "SEMICONDUCTOR_SHORTAGE",
                                "GPU供給遅延",
                                "2027-07-01"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", Matchers.equalTo("R-LC-3"));
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(ext("PRODUCTION", "k8s-worker", "OTHER_UNAVOIDABLE", " ", "2027-05-01"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(422)
                .body("rule", Matchers.equalTo("R-LC-3"));
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(
                        ext(
                                "PRODUCTION",
                                "k8s-worker",
                                "SEMICONDUCTOR_SHORTAGE",
                                "GPU供給遅延",
                                "2027-03-01"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(422)
                .body("rule", Matchers.equalTo("R-LC-3"));
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(ext("PRODUCTION", "k8s-worker", "BAD_LUCK", "x", "2027-05-01"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(ext("MOON", "k8s-worker", "SEMICONDUCTOR_SHORTAGE", "x", "2027-05-01"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(400)
                .body("errors[0].field", Matchers.equalTo("environment"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .contentType(ContentType.JSON)
                .body(ext("PRODUCTION", "k8s-worker", "SEMICONDUCTOR_SHORTAGE", "x", "2027-05-01"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(403);

        int id =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .contentType(ContentType.JSON)
                        .body(
                                ext(
                                        "PRODUCTION",
                                        "k8s-worker",
                                        "SEMICONDUCTOR_SHORTAGE",
                                        "GPU供給遅延（半導体不足）",
                                        "2027-05-31"))
                        .post("/deliveries/extensions")
                        .then()
                        .statusCode(201)
                        .body("status", Matchers.equalTo("PROPOSED"))
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("If-Match", "\"0\"")
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(403);
        TestClock.set(Instant.parse("2027-03-10T01:00:00Z"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"0\"")
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", Matchers.equalTo("APPROVED"))
                .body("decidedBy", Matchers.equalTo("jpo-admin1"))
                .body("decidedAt", Matchers.startsWith("2027-03-10T01:00"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"1\"")
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(422)
                .body("rule", Matchers.equalTo("R-LC-3"));
    }

    @Test
    @DisplayName(
            "R-LC-3 an approval counts only before the original deadline 2027-03-31 (JST, server time); later → 422, nothing changes")
    void R_LC_3_an_approval_recorded_after_the_original_deadline_is_refused() {
        baseline("PRODUCTION", "k8s-worker");
        TestClock.set(Instant.parse("2027-03-01T00:00:00Z"));
        int id =
                propose(
                        Tokens.vendor("vendor-a"),
                        ext(
                                "PRODUCTION",
                                "k8s-worker",
                                "SEMICONDUCTOR_SHORTAGE",
                                "GPU供給遅延（半導体不足）",
                                "2027-05-31"));
        // 2027-04-01 00:30 in Tokyo is 2027-03-31 15:30 UTC: the deadline has passed in the JPO
        // calendar
        TestClock.set(Instant.parse("2027-03-31T15:30:00Z"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"0\"")
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", Matchers.equalTo("R-LC-3"))
                .body("detail", Matchers.containsString("2027-03-31"));
        // a typed approval date is not read: the server's time decides
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(Map.of("decidedAt", "2027-03-01T00:00:00Z", "approvedAt", "2027-03-01"))
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(422)
                .body("rule", Matchers.equalTo("R-LC-3"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliveries/extensions/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", Matchers.equalTo("PROPOSED"))
                .body("decidedAt", Matchers.nullValue());
        // 23:59 on 2027-03-31 in Tokyo (14:59 UTC) is still before the deadline passed
        TestClock.set(Instant.parse("2027-03-31T14:59:00Z"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"0\"")
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", Matchers.equalTo("APPROVED"))
                .body("decidedAt", Matchers.startsWith("2027-03-31T14:59"));
    }

    @Test
    @DisplayName(
            "R-LC-3 the delivery status ignores an approval recorded after the original deadline (data from before the rule)")
    void R_LC_3_an_approval_dated_after_the_deadline_does_not_extend_the_line() throws Exception {
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/hardware"))
                                .withQueryParam("environment", equalTo("PRODUCTION"))
                                .willReturn(okJson("[" + hw(3, "k8s-worker", "2027-05-10") + "]")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/hardware"))
                                .withQueryParam("environment", equalTo("STAGING"))
                                .willReturn(okJson("[]")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/hardware"))
                                .withQueryParam("environment", equalTo("SHARED"))
                                .willReturn(okJson("[]")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline/conformance"))
                                .willReturn(okJson("{\"lines\":[]}")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline/conformance"))
                                .withQueryParam("environment", equalTo("PRODUCTION"))
                                .willReturn(okJson("{\"lines\":[" + line("k8s-worker", 1) + "]}")));
        try (java.sql.Connection c = io.kiban.commons.testing.TestDatabase.connect();
                java.sql.Statement st = c.createStatement()) {
            // approved on 2027-04-02 (JST): after the deadline, as an older version of this service
            // allowed
            st.execute(
                    "INSERT INTO delivery_extension (environment, baseline_item, cause, explanation, new_date, status, "
                            + "proposed_by, proposed_at, decided_by, decided_at, version) VALUES ('PRODUCTION', 'k8s-worker', "
                            + "'SEMICONDUCTOR_SHORTAGE', 'GPU', '2027-05-31', 'APPROVED', 'vendor-a-engineer', "
                            + "'2027-03-20 00:00:00', 'jpo-admin1', '2027-04-02 01:00:00', 1)");
        }
        JsonPath status =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/deliveries/status")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(line(status, "PRODUCTION", "k8s-worker")).isEqualTo("LATE");
        assertThat(
                        status.getString(
                                "lines.find { it.baselineItem == 'k8s-worker' }.approvedExtensionId"))
                .isNull();
    }

    @Test
    @DisplayName(
            "R-SEC-2 an extension is approved on the version reviewed (428/412) and never by the account that proposed it")
    void R_SEC_2_extension_approval_needs_if_match_and_another_account_than_the_proposer() {
        baseline("PRODUCTION", "k8s-worker");
        TestClock.set(Instant.parse("2027-03-01T00:00:00Z"));
        // jpo-admin1 proposes on the vendor's behalf: jpo-admin1 may not approve it, jpo-admin2 may
        int id =
                propose(
                        Tokens.jpoAdmin(),
                        ext(
                                "PRODUCTION",
                                "k8s-worker",
                                "SEMICONDUCTOR_SHORTAGE",
                                "GPU供給遅延",
                                "2027-05-31"));
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", "\"7\"")
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"0\"")
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", Matchers.equalTo("R-SEC-2"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"0\"")
                .post("/deliveries/extensions/" + id + "/rejection")
                .then()
                .statusCode(403)
                .body("rule", Matchers.equalTo("R-SEC-2"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliveries/extensions/" + id)
                .then()
                .body("status", Matchers.equalTo("PROPOSED"));
        given().auth()
                .oauth2(JPO_ADMIN_2)
                .header("If-Match", "\"0\"")
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", Matchers.equalTo("APPROVED"))
                .body("decidedBy", Matchers.equalTo("jpo-admin2"));
    }

    @Test
    @DisplayName(
            "SEC idempotency: a retried extension proposal with the same Idempotency-Key is one row; another body → 422")
    void SEC_idempotency_key_on_extension_proposals() {
        baseline("PRODUCTION", "k8s-worker");
        var body =
                ext("PRODUCTION", "k8s-worker", "SEMICONDUCTOR_SHORTAGE", "GPU供給遅延", "2027-05-31");
        String key = "ext-" + java.util.UUID.randomUUID();
        int first =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/deliveries/extensions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/deliveries/extensions")
                .then()
                .statusCode(201)
                .body("id", Matchers.equalTo(first));
        body.put("newDate", "2027-06-01");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/deliveries/extensions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliveries/extensions")
                .then()
                .body("size()", Matchers.equalTo(1));
    }

    static final String JPO_ADMIN_2 = Tokens.token("jpo-admin2", "jpo", "jpo-admin");

    @Test
    @DisplayName(
            "R-SEC-2 #19 the proposer of an extension is its account (issuer+sub), not its name: renamed it is still refused; another account of the same name approves")
    void R_SEC_2_the_proposer_of_an_extension_is_known_by_account_not_by_name() {
        baseline("PRODUCTION", "k8s-worker");
        TestClock.set(Instant.parse("2027-03-01T00:00:00Z"));
        int id =
                propose(
                        Tokens.jpoAdmin(),
                        ext(
                                "PRODUCTION",
                                "k8s-worker",
                                "SEMICONDUCTOR_SHORTAGE",
                                "GPU供給遅延",
                                "2027-05-31"));
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin1", "jpo-admin1-renamed"))
                .header("If-Match", "\"0\"")
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", Matchers.equalTo("R-SEC-2"))
                .body(
                        "detail",
                        Matchers.equalTo(
                                "R-SEC-2: the account that proposed extension "
                                        + id
                                        + " cannot approve, accept, sign off or reject it; another"
                                        + " jpo-admin must decide (segregation of duties)"));
        given().auth()
                .oauth2(Accounts.jpoAdmin("jpo-admin3", "jpo-admin1"))
                .header("If-Match", "\"0\"")
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", Matchers.equalTo("APPROVED"))
                .body("decidedBy", Matchers.equalTo("jpo-admin1"));
    }

    private static int propose(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/deliveries/extensions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void R_LC_2_status_per_line_from_asset_facts_and_approved_extensions() {
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/hardware"))
                                .withQueryParam("environment", equalTo("PRODUCTION"))
                                .willReturn(
                                        okJson(
                                                "["
                                                        + hw(1, "k8s-control-plane", "2027-03-20")
                                                        + ","
                                                        + hw(2, "k8s-control-plane", "2027-03-25")
                                                        + ","
                                                        + hw(3, "k8s-worker", "2027-05-10")
                                                        + ","
                                                        + hw(4, "l2-switch", "2027-04-10")
                                                        + ","
                                                        + hw(5, "virtualization-host", "2027-06-20")
                                                        + ","
                                                        + hw(8, "interconnect-switch", "2027-03-01")
                                                        + ","
                                                        + "{\"id\":6,\"status\":\"ORDERED\",\"baselineItem\":\"management-switch\",\"extra\":1}]")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/hardware"))
                                .withQueryParam("environment", equalTo("STAGING"))
                                .willReturn(
                                        okJson(
                                                "["
                                                        + hw(7, "k8s-control-plane", "2027-03-01")
                                                        + "]")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/hardware"))
                                .withQueryParam("environment", equalTo("SHARED"))
                                .willReturn(okJson("[]")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline/conformance"))
                                .withQueryParam("environment", equalTo("PRODUCTION"))
                                .willReturn(
                                        okJson(
                                                "{\"environment\":\"PRODUCTION\",\"lines\":["
                                                        + line("k8s-control-plane", 2)
                                                        + ","
                                                        + line("k8s-worker", 1)
                                                        + ","
                                                        + line("l2-switch", 1)
                                                        + ","
                                                        + line("virtualization-host", 1)
                                                        + ","
                                                        + line("management-switch", 1)
                                                        + ","
                                                        + line("console-kvm", 1)
                                                        + ","
                                                        + line("interconnect-switch", 2)
                                                        + "],\"complete\":false}")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline/conformance"))
                                .withQueryParam("environment", equalTo("STAGING"))
                                .willReturn(
                                        okJson(
                                                "{\"lines\":["
                                                        + line("k8s-control-plane", 1)
                                                        + "]}")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline/conformance"))
                                .withQueryParam("environment", equalTo("SHARED"))
                                .willReturn(okJson("{\"lines\":[]}")));
        baseline(
                "PRODUCTION",
                "k8s-control-plane",
                "k8s-worker",
                "l2-switch",
                "virtualization-host",
                "management-switch",
                "console-kvm",
                "interconnect-switch");
        approve(ext("PRODUCTION", "k8s-worker", "SEMICONDUCTOR_SHORTAGE", "GPU供給遅延", "2027-06-15"));
        approve(
                ext(
                        "PRODUCTION",
                        "virtualization-host",
                        "OTHER_UNAVOIDABLE",
                        "輸送中の事故",
                        "2027-06-10"));

        JsonPath status =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/deliveries/status")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(line(status, "PRODUCTION", "k8s-control-plane")).isEqualTo("ON_TIME");
        assertThat(line(status, "PRODUCTION", "k8s-worker")).isEqualTo("EXTENDED_ON_TIME");
        assertThat(line(status, "PRODUCTION", "l2-switch")).isEqualTo("LATE");
        assertThat(line(status, "PRODUCTION", "virtualization-host")).isEqualTo("EXTENDED_LATE");
        assertThat(line(status, "PRODUCTION", "management-switch")).isEqualTo("LATE");
        assertThat(line(status, "PRODUCTION", "console-kvm")).isEqualTo("LATE");
        assertThat(line(status, "PRODUCTION", "interconnect-switch")).isEqualTo("LATE");
        assertThat(
                        status.getString(
                                "lines.find { it.baselineItem == 'k8s-control-plane' && it.environment == 'PRODUCTION' }"
                                        + ".deliveredOn"))
                .isEqualTo("2027-03-25");
        assertThat(line(status, "STAGING", "k8s-control-plane")).isEqualTo("ON_TIME");
        assertThat(status.getBoolean("metR_LC_2")).isFalse();
        assertThat(status.getBoolean("metWithExtensions")).isFalse();
    }

    @Test
    void
            R_LC_2_the_shared_distribution_board_is_one_line_under_SHARED_not_a_line_of_each_environment() {
        // asset-service's conformance of PRODUCTION and STAGING also shows the SHARED board
        // (DOMAIN.md §3)
        String board =
                "{\"environment\":\"SHARED\",\"itemCode\":\"distribution-board\",\"required\":1}";
        for (String env : new String[] {"PRODUCTION", "STAGING", "SHARED"}) {
            String own =
                    env.equals("SHARED")
                            ? ""
                            : "{\"environment\":\""
                                    + env
                                    + "\",\"itemCode\":\"k8s-control-plane\",\"required\":1},";
            Stubs.asset()
                    .register(
                            get(urlPathEqualTo("/baseline/conformance"))
                                    .withQueryParam("environment", equalTo(env))
                                    .willReturn(
                                            okJson(
                                                    "{\"environment\":\""
                                                            + env
                                                            + "\",\"lines\":["
                                                            + own
                                                            + board
                                                            + "]}")));
            String hw =
                    env.equals("SHARED")
                            ? hw(2, "distribution-board", "2027-03-10")
                                    .replace("PRODUCTION", "SHARED")
                            : hw(
                                            env.equals("PRODUCTION") ? 1 : 3,
                                            "k8s-control-plane",
                                            "2027-03-20")
                                    .replace("PRODUCTION", env);
            Stubs.asset()
                    .register(
                            get(urlPathEqualTo("/hardware"))
                                    .withQueryParam("environment", equalTo(env))
                                    .willReturn(okJson("[" + hw + "]")));
        }

        JsonPath status =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/deliveries/status")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(
                        status.getList(
                                "lines.findAll { it.baselineItem == 'distribution-board' }.environment"))
                .containsExactly("SHARED");
        assertThat(line(status, "SHARED", "distribution-board")).isEqualTo("ON_TIME");
        assertThat(status.getList("lines")).hasSize(3);
        assertThat(status.getBoolean("metWithExtensions")).isTrue();
    }

    @Test
    @DisplayName(
            "R-LC-2 #19 asset-service announcing 250 hardware items whose pages end after 200: 503 naming asset-service, never a status from a shorter list")
    void R_LC_2_a_hardware_list_shorter_than_announced_is_503_never_a_shorter_status() {
        StringBuilder page = new StringBuilder("[");
        for (int i = 1; i <= 200; i++) {
            page.append(i == 1 ? "" : ",").append(hw(i, "k8s-worker", "2027-03-10"));
        }
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline/conformance"))
                                .willReturn(okJson("{\"lines\":[]}")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/hardware"))
                                .withQueryParam("page", equalTo("0"))
                                .willReturn(
                                        okJson(page.append("]").toString())
                                                .withHeader("X-Total-Count", "250")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/hardware"))
                                .withQueryParam("page", equalTo("1"))
                                .willReturn(okJson("[]").withHeader("X-Total-Count", "250")));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliveries/status")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        Matchers.equalTo(
                                "asset-service announced 250 items (X-Total-Count) but its pages"
                                        + " held 200"));
        Stubs.asset()
                .verifyThat(
                        2,
                        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                urlPathEqualTo("/hardware")));
    }

    @Test
    @DisplayName(
            "R-LC-3 #19 a baseline announced as 250 lines whose pages end after 200: the extension is 503 naming asset-service, nothing recorded")
    void R_LC_3_a_baseline_shorter_than_announced_is_503_and_nothing_is_recorded() {
        StringBuilder page = new StringBuilder("[");
        for (int i = 1; i <= 200; i++) {
            page.append(i == 1 ? "" : ",")
                    .append("{\"id\":")
                    .append(i)
                    .append(",\"itemCode\":\"line-")
                    .append(i)
                    .append("\",\"environment\":\"PRODUCTION\"}");
        }
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline"))
                                .withQueryParam("page", equalTo("0"))
                                .willReturn(
                                        okJson(page.append("]").toString())
                                                .withHeader("X-Total-Count", "250")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline"))
                                .withQueryParam("page", equalTo("1"))
                                .willReturn(okJson("[]").withHeader("X-Total-Count", "250")));
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(
                        ext(
                                "PRODUCTION",
                                "gpu-node",
                                "SEMICONDUCTOR_SHORTAGE",
                                "GPU供給遅延",
                                "2027-05-31"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        Matchers.equalTo(
                                "the baseline line could not be checked: asset-service announced"
                                        + " 250 items (X-Total-Count) but its pages held 200;"
                                        + " nothing was recorded"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliveries/extensions")
                .then()
                .statusCode(200)
                .body("size()", Matchers.equalTo(0));
    }

    @Test
    void R_LC_2_the_status_is_503_when_asset_service_fails_never_a_guess() {
        Stubs.asset().register(get(urlPathEqualTo("/hardware")).willReturn(serverError()));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliveries/status")
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
    }

    @Test
    @DisplayName(
            "R-LC-3 the extension's baseline line is checked with asset-service: unknown is 422 naming baselineItem, no answer is 503")
    void R_LC_3_the_baseline_line_of_an_extension_is_checked_with_asset_service() {
        // asset-service answers an environment's lines and the SHARED ones
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline"))
                                .withQueryParam("environment", equalTo("PRODUCTION"))
                                .willReturn(
                                        okJson(
                                                "[{\"id\":1,\"itemCode\":\"k8s-worker\",\"environment\":\"PRODUCTION\",\"requiredQuantity\":3},"
                                                        + "{\"id\":9,\"itemCode\":\"distribution-board\",\"environment\":\"SHARED\",\"requiredQuantity\":1}]")));
        String vendor = Tokens.vendor("vendor-a");
        given().auth()
                .oauth2(vendor)
                .contentType(ContentType.JSON)
                .body(
                        ext(
                                "PRODUCTION",
                                "gpu-node",
                                "SEMICONDUCTOR_SHORTAGE",
                                "GPU供給遅延",
                                "2027-05-31"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", Matchers.equalTo("R-LC-3"))
                .body("errors[0].field", Matchers.equalTo("baselineItem"));
        // the shared board is a line of SHARED, not of PRODUCTION
        given().auth()
                .oauth2(vendor)
                .contentType(ContentType.JSON)
                .body(
                        ext(
                                "PRODUCTION",
                                "distribution-board",
                                "SEMICONDUCTOR_SHORTAGE",
                                "部品供給遅延",
                                "2027-05-31"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(422)
                .body("errors[0].field", Matchers.equalTo("baselineItem"))
                .body("detail", Matchers.containsString("SHARED"));
        Stubs.asset()
                .verifyThat(
                        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                        urlPathEqualTo("/baseline"))
                                .withHeader(
                                        "Authorization",
                                        com.github.tomakehurst.wiremock.client.WireMock.matching(
                                                "Bearer .+")));

        // asset-service failing or unreachable: 503 problem+json, nothing recorded
        Stubs.asset()
                .register(get(urlPathEqualTo("/baseline")).atPriority(1).willReturn(serverError()));
        given().auth()
                .oauth2(vendor)
                .contentType(ContentType.JSON)
                .body(
                        ext(
                                "PRODUCTION",
                                "k8s-worker",
                                "SEMICONDUCTOR_SHORTAGE",
                                "GPU供給遅延",
                                "2027-05-31"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", Matchers.containsString("asset-service"));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline"))
                                .atPriority(1)
                                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(
                        ext(
                                "PRODUCTION",
                                "k8s-worker",
                                "SEMICONDUCTOR_SHORTAGE",
                                "GPU供給遅延",
                                "2027-05-31"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/deliveries/extensions")
                .then()
                .statusCode(200)
                .body("size()", Matchers.equalTo(0));

        // the line exists: proposed
        Stubs.reset();
        baseline("PRODUCTION", "k8s-worker");
        given().auth()
                .oauth2(vendor)
                .contentType(ContentType.JSON)
                .body(
                        ext(
                                "PRODUCTION",
                                "k8s-worker",
                                "SEMICONDUCTOR_SHORTAGE",
                                "GPU供給遅延",
                                "2027-05-31"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(201)
                .body("baselineItem", Matchers.equalTo("k8s-worker"));
    }

    @Test
    @DisplayName(
            "R-LC-3 asset-service's baseline is paged: a line on the second page (after 200 others) is found")
    void R_LC_3_the_baseline_is_read_over_every_page() {
        StringBuilder first = new StringBuilder("[");
        for (int i = 1; i <= 200; i++) {
            first.append(i == 1 ? "" : ",")
                    .append("{\"id\":")
                    .append(i)
                    .append(",\"itemCode\":\"line-")
                    .append(i)
                    .append("\",\"environment\":\"PRODUCTION\"}");
        }
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline"))
                                .withQueryParam("environment", equalTo("PRODUCTION"))
                                .withQueryParam("page", equalTo("0"))
                                .withQueryParam("size", equalTo("200"))
                                .willReturn(
                                        okJson(first.append("]").toString())
                                                .withHeader("X-Total-Count", "201")));
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline"))
                                .withQueryParam("environment", equalTo("PRODUCTION"))
                                .withQueryParam("page", equalTo("1"))
                                .withQueryParam("size", equalTo("200"))
                                .willReturn(
                                        okJson(
                                                        "[{\"id\":201,\"itemCode\":\"gpu-node\",\"environment\":\"PRODUCTION\"}]")
                                                .withHeader("X-Total-Count", "201")));
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(
                        ext(
                                "PRODUCTION",
                                "gpu-node",
                                "SEMICONDUCTOR_SHORTAGE",
                                "GPU供給遅延",
                                "2027-05-31"))
                .post("/deliveries/extensions")
                .then()
                .statusCode(201)
                .body("baselineItem", Matchers.equalTo("gpu-node"));
        Stubs.asset()
                .verifyThat(
                        2,
                        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                urlPathEqualTo("/baseline")));
    }

    /** asset-service's baseline lines of one environment (GET /baseline?environment=). */
    private static void baseline(String env, String... items) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < items.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\":")
                    .append(i + 1)
                    .append(",\"itemCode\":\"")
                    .append(items[i])
                    .append("\",\"environment\":\"")
                    .append(env)
                    .append("\",\"requiredQuantity\":1}");
        }
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline"))
                                .withQueryParam("environment", equalTo(env))
                                .willReturn(okJson(json.append("]").toString())));
    }

    private static String line(JsonPath status, String env, String item) {
        return status.getString(
                "lines.find { it.environment == '"
                        + env
                        + "' && it.baselineItem == '"
                        + item
                        + "' }.status");
    }

    private static String line(String item, int required) {
        return "{\"itemCode\":\""
                + item
                + "\",\"required\":"
                + required
                + ",\"registered\":0,\"conforms\":false}";
    }

    private static String hw(int id, String item, String deliveredOn) {
        return "{\"id\":"
                + id
                + ",\"name\":\"x\",\"environment\":\"PRODUCTION\",\"status\":\"DELIVERED\",\"deliveredOn\":\""
                + deliveredOn
                + "\",\"baselineItem\":\""
                + item
                + "\",\"allowedTransitions\":[\"INSTALLED\"]}";
    }

    /**
     * Proposed by the vendor and approved by jpo-admin before the original deadline (R-LC-3); the
     * clock goes back.
     */
    private static void approve(Map<String, Object> body) {
        TestClock.set(Instant.parse("2027-03-10T01:00:00Z"));
        int id = propose(Tokens.vendor("vendor-a"), body);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", "\"0\"")
                .post("/deliveries/extensions/" + id + "/approval")
                .then()
                .statusCode(200);
        TestClock.reset();
    }

    static Map<String, Object> ext(
            String env, String item, String cause, String explanation, String newDate) {
        Map<String, Object> m = new HashMap<>();
        m.put("environment", env);
        m.put("baselineItem", item);
        m.put("cause", cause);
        m.put("explanation", explanation);
        m.put("newDate", newDate);
        return m;
    }
}
