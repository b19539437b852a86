package io.kiban.lifecycle.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.kiban.lifecycle.handler.HandlerTest.approve;
import static io.kiban.lifecycle.handler.HandlerTest.etag;
import static io.kiban.lifecycle.handler.HandlerTest.handler;
import static io.kiban.lifecycle.handler.HandlerTest.propose;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.support.Db;
import io.kiban.lifecycle.testing.Accounts;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class HandlerSecurityTest {

    /** Idempotency keys are kept across test runs: each run uses its own. */
    static final String RUN = java.util.UUID.randomUUID() + "-";

    static final String ROGUE_ID = "9e9e9e9e-0000-4000-8000-000000000001";
    static final String SUPPORT_ID = "9e9e9e9e-0000-4000-8000-000000000002";

    static String jpoAdmin2() {
        return Tokens.token("jpo-admin2", "jpo", "jpo-admin");
    }

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    static final String SOD_DETAIL_TAIL =
            " cannot approve, accept, sign off or reject it; another jpo-admin must decide"
                    + " (segregation of duties)";

    @Test
    @DisplayName(
            "R-SEC-2 #19 the proposer of a handler and of its change is its account (issuer+sub), not its name: renamed still refused; another account of the same name approves")
    void R_SEC_2_the_proposer_of_a_handler_is_known_by_account_not_by_name() {
        Map<String, Object> body = handler("vendor-a-tanaka");
        body.put("organisation", "vendor-a");
        int id = propose(Tokens.jpoAdmin(), body).then().statusCode(201).extract().path("id");
        approve(Accounts.jpoAdmin("jpo-admin1", "jpo-admin1-renamed"), id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"))
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: the account that proposed handler "
                                        + id
                                        + SOD_DETAIL_TAIL));
        approve(Accounts.jpoAdmin("jpo-admin3", "jpo-admin1"), id)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("jpo-admin1"));

        // a change of the approved entry, proposed by jpo-admin2's account
        Map<String, Object> changed = handler("vendor-a-tanaka");
        changed.put("organisation", "vendor-a");
        changed.put("position", "部長");
        given().auth()
                .oauth2(jpoAdmin2())
                .contentType(ContentType.JSON)
                .header("If-Match", etag(id))
                .body(changed)
                .put("/handlers/" + id)
                .then()
                .statusCode(200);
        approve(Accounts.jpoAdmin("jpo-admin2", "jpo-admin2-renamed"), id)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"))
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: the account that proposed the change of handler "
                                        + id
                                        + SOD_DETAIL_TAIL));
        approve(Accounts.jpoAdmin("jpo-admin3", "jpo-admin2"), id)
                .then()
                .statusCode(200)
                .body("position", equalTo("部長"));
    }

    @Test
    @DisplayName(
            "R-SEC-2 #19 the proposer of a handler or of its change never rejects it either (403); another jpo-admin does")
    void R_SEC_2_the_proposer_of_a_handler_never_rejects_it() {
        Map<String, Object> body = handler("vendor-a-tanaka");
        body.put("organisation", "vendor-a");
        int id = propose(Tokens.jpoAdmin(), body).then().statusCode(201).extract().path("id");
        reject(Tokens.jpoAdmin(), id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"));
        reject(Accounts.jpoAdmin("jpo-admin1", "jpo-admin1-renamed"), id)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/handlers/" + id)
                .then()
                .body("status", equalTo("PROPOSED"));
        reject(jpoAdmin2(), id).then().statusCode(200).body("status", equalTo("REJECTED"));

        // a change of an approved entry: its proposer does not reject it
        int other =
                propose(Tokens.vendor("vendor-a"), handler("vendor-a-sato"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        approve(Tokens.jpoAdmin(), other).then().statusCode(200);
        Map<String, Object> changed = handler("vendor-a-sato");
        changed.put("organisation", "vendor-a");
        changed.put("position", "部長");
        given().auth()
                .oauth2(jpoAdmin2())
                .contentType(ContentType.JSON)
                .header("If-Match", etag(other))
                .body(changed)
                .put("/handlers/" + other)
                .then()
                .statusCode(200);
        reject(jpoAdmin2(), other)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"))
                .body(
                        "detail",
                        equalTo(
                                "R-SEC-2: the account that proposed the change of handler "
                                        + other
                                        + SOD_DETAIL_TAIL));
        reject(Tokens.jpoAdmin(), other)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("pendingChangeBy", nullValue());
    }

    @Test
    @DisplayName(
            "R-SEC-2 #19 a handler proposed before account ids were stored (V42) is compared by the stored name")
    void R_SEC_2_a_proposal_without_an_account_id_falls_back_to_the_name() {
        Map<String, Object> body = handler("vendor-a-tanaka");
        body.put("organisation", "vendor-a");
        int id = propose(Tokens.jpoAdmin(), body).then().statusCode(201).extract().path("id");
        assertThat(Db.update("UPDATE approved_handler SET proposed_by_id = NULL WHERE id = ?", id))
                .isEqualTo(1);
        // without an id the stored name decides: any account called jpo-admin1 is refused
        approve(Accounts.jpoAdmin("jpo-admin3", "jpo-admin1"), id)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-SEC-2"));
        approve(jpoAdmin2(), id).then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    private static io.restassured.response.Response reject(String token, int id) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("If-Match", etag(id))
                .body(Map.of("reason", "資格不足"))
                .post("/handlers/" + id + "/rejection");
    }

    @Test
    @DisplayName(
            "R-SEC-1 the list holds every field of the spec; address and date of birth only for jpo-admin, the auditor and the own vendor")
    void R_SEC_1_personal_data_is_shown_only_to_jpo_admin_the_auditor_and_the_own_vendor() {
        int id =
                propose(Tokens.vendor("vendor-a"), handler("vendor-a-tanaka"))
                        .then()
                        .statusCode(201)
                        .body("address", equalTo("東京都千代田区霞が関3-4-3"))
                        .body("dateOfBirth", equalTo("1980-04-01"))
                        .body("department", equalTo("ITサービス事業部 基盤課"))
                        .body("position", equalTo("課長"))
                        .body("trackRecord", equalTo("官公庁向け基盤の保守 10年"))
                        .body("expertise", equalTo("Kubernetes, ストレージ"))
                        .body("affiliation", equalTo("ITサービス事業部"))
                        .body("nationality", equalTo("日本"))
                        .extract()
                        .path("id");
        for (String token :
                new String[] {Tokens.jpoAdmin(), Tokens.auditor(), Tokens.vendor("vendor-a")}) {
            given().auth()
                    .oauth2(token)
                    .get("/handlers/" + id)
                    .then()
                    .statusCode(200)
                    .body("address", equalTo("東京都千代田区霞が関3-4-3"))
                    .body("dateOfBirth", equalTo("1980-04-01"))
                    .body("personalDataShown", equalTo(true));
        }
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/handlers/" + id)
                .then()
                .statusCode(200)
                .body("address", nullValue())
                .body("dateOfBirth", nullValue())
                .body("personalDataShown", equalTo(false))
                .body("name", equalTo("田中 一郎"))
                .body("position", equalTo("課長"));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/handlers")
                .then()
                .statusCode(200)
                .body("[0].address", nullValue())
                .body("[0].dateOfBirth", nullValue());
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .get("/handlers/" + id)
                .then()
                .statusCode(404);

        // a pending change does not leak the personal data either
        approve(Tokens.jpoAdmin(), id).then().statusCode(200);
        Map<String, Object> moved = handler("vendor-a-tanaka");
        moved.put("address", "神奈川県横浜市中区1-1");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .header("If-Match", etag(id))
                .body(moved)
                .put("/handlers/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/handlers/" + id)
                .then()
                .statusCode(200)
                .body("pendingChange.address", nullValue())
                .body("pendingChange.dateOfBirth", nullValue());
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/handlers/" + id)
                .then()
                .statusCode(200)
                .body("pendingChange.address", equalTo("神奈川県横浜市中区1-1"));

        Map<String, Object> noBirth = handler("vendor-a-sato");
        noBirth.remove("dateOfBirth");
        propose(Tokens.vendor("vendor-a"), noBirth)
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.containsString("dateOfBirth"));
        Map<String, Object> future = handler("vendor-a-sato");
        future.put("dateOfBirth", "2090-01-01");
        propose(Tokens.vendor("vendor-a"), future).then().statusCode(400);
    }

    @Test
    @DisplayName(
            "R-SEC-1 an approval's Keycloak account must carry the proposing organisation; else 422 and no role")
    void R_SEC_1_the_account_must_belong_to_the_proposing_organisation() {
        // vendor-a proposes an account that Keycloak says belongs to vendor-b
        Stubs.keycloak()
                .register(
                        get(urlPathEqualTo("/admin/realms/kiban/users/" + Stubs.KEYCLOAK_USER_ID))
                                .atPriority(1)
                                .willReturn(
                                        okJson(
                                                "{\"id\":\""
                                                        + Stubs.KEYCLOAK_USER_ID
                                                        + "\",\"username\":\"vendor-a-tanaka\","
                                                        + "\"attributes\":{\"org\":[\"vendor-b\"]}}")));
        long approvals = Db.audit("approve", "approved-handler");
        int id =
                propose(Tokens.vendor("vendor-a"), handler("vendor-a-tanaka"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        approve(Tokens.jpoAdmin(), id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-1"))
                .body("detail", org.hamcrest.Matchers.containsString("vendor-b"));
        // an account without an org attribute is no better
        Stubs.keycloak()
                .register(
                        get(urlPathEqualTo("/admin/realms/kiban/users/" + Stubs.KEYCLOAK_USER_ID))
                                .atPriority(1)
                                .willReturn(
                                        okJson(
                                                "{\"id\":\""
                                                        + Stubs.KEYCLOAK_USER_ID
                                                        + "\",\"username\":\"vendor-a-tanaka\"}")));
        approve(Tokens.jpoAdmin(), id).then().statusCode(422).body("rule", equalTo("R-SEC-1"));
        // an account Keycloak does not know
        Stubs.keycloak()
                .register(
                        get(urlPathEqualTo("/admin/realms/kiban/users"))
                                .atPriority(1)
                                .willReturn(okJson("[]")));
        approve(Tokens.jpoAdmin(), id).then().statusCode(422).body("rule", equalTo("R-SEC-1"));

        Stubs.keycloak()
                .verifyThat(
                        exactly(0), postRequestedFor(urlPathMatching(".*/role-mappings/realm")));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/handlers/" + id)
                .then()
                .body("status", equalTo("PROPOSED"));
        assertThat(Db.audit("approve", "approved-handler")).isEqualTo(approvals);
    }

    @Test
    @DisplayName(
            "R-SEC-2 a handler approval names the version reviewed (428/412) and never comes from its proposer")
    void R_SEC_2_handler_approval_needs_if_match_and_a_second_person() {
        Map<String, Object> body = handler("vendor-a-tanaka");
        body.put("organisation", "vendor-a");
        int id =
                propose(Tokens.jpoAdmin(), body)
                        .then()
                        .statusCode(201)
                        .body("proposedBy", equalTo("jpo-admin1"))
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(jpoAdmin2())
                .post("/handlers/" + id + "/approval")
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(jpoAdmin2())
                .header("If-Match", "\"41\"")
                .post("/handlers/" + id + "/approval")
                .then()
                .statusCode(412);
        approve(Tokens.jpoAdmin(), id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-SEC-2"))
                .body("detail", org.hamcrest.Matchers.containsString("R-SEC-2"));
        Stubs.keycloak()
                .verifyThat(
                        exactly(0), postRequestedFor(urlPathMatching(".*/role-mappings/realm")));
        approve(jpoAdmin2(), id)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("jpo-admin2"));

        // a change proposed by jpo-admin2 is approved by someone else
        Map<String, Object> changed = handler("vendor-a-tanaka");
        changed.put("organisation", "vendor-a");
        changed.put("position", "部長");
        given().auth()
                .oauth2(jpoAdmin2())
                .contentType(ContentType.JSON)
                .header("If-Match", etag(id))
                .body(changed)
                .put("/handlers/" + id)
                .then()
                .statusCode(200)
                .body("pendingChangeBy", equalTo("jpo-admin2"));
        approve(jpoAdmin2(), id).then().statusCode(403).body("rule", equalTo("R-SEC-2"));
        String before = etag(id);
        // the vendor changes it again after JPO read it: the reviewed version is stale
        Map<String, Object> again = handler("vendor-a-tanaka");
        again.put("position", "本部長");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .header("If-Match", before)
                .body(again)
                .put("/handlers/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .header("If-Match", before)
                .post("/handlers/" + id + "/approval")
                .then()
                .statusCode(412);
        approve(Tokens.jpoAdmin(), id).then().statusCode(200).body("position", equalTo("本部長"));

        // a rejection is a decision too: If-Match
        int other =
                propose(Tokens.vendor("vendor-a"), handler("vendor-a-sato"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "資格不足"))
                .post("/handlers/" + other + "/rejection")
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("If-Match", etag(other))
                .body(Map.of("reason", "資格不足"))
                .post("/handlers/" + other + "/rejection")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
    }

    @Test
    @DisplayName(
            "R-SEC-1 the reconciler takes approved-handler from every Keycloak account not approved on the list")
    void R_SEC_1_reconciler_removes_the_role_from_accounts_not_on_the_list() {
        int id =
                propose(Tokens.vendor("vendor-a"), handler("vendor-a-tanaka"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        approve(Tokens.jpoAdmin(), id).then().statusCode(200);
        // a proposal that is not approved does not count
        propose(Tokens.vendor("vendor-a"), handler("vendor-a2")).then().statusCode(201);
        // FGAP v2 refuses GET /roles/approved-handler/users (Stubs: 403): the reconciler pages
        // through GET /users
        // (100 a page) and reads each user's effective realm roles. Page 1: the approved handler
        // and 99 others
        // without the role; page 2: two holders not on the list, and the group member.
        StringBuilder page1 =
                new StringBuilder(
                        "[{\"id\":\""
                                + Stubs.KEYCLOAK_USER_ID
                                + "\",\"username\":\"vendor-a-tanaka\"}");
        for (int i = 1; i <= 99; i++) {
            page1.append(",{\"id\":\"00000000-0000-4000-8000-0000000000")
                    .append(String.format("%02d", i))
                    .append("\",\"username\":\"user")
                    .append(i)
                    .append("\"}");
        }
        page1.append("]");
        Stubs.keycloak()
                .register(
                        get(urlPathEqualTo("/admin/realms/kiban/users"))
                                .atPriority(1)
                                .withQueryParam(
                                        "first",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                                "0"))
                                .withQueryParam(
                                        "max",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                                "100"))
                                .willReturn(okJson(page1.toString())));
        Stubs.keycloak()
                .register(
                        get(urlPathEqualTo("/admin/realms/kiban/users"))
                                .atPriority(1)
                                .withQueryParam(
                                        "first",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                                "100"))
                                .withQueryParam(
                                        "max",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                                "100"))
                                .willReturn(
                                        okJson(
                                                "[{\"id\":\""
                                                        + ROGUE_ID
                                                        + "\",\"username\":\"vendor-a2\",\"attributes\":{\"org\":[\"vendor-a\"]}},"
                                                        + "{\"id\":\""
                                                        + SUPPORT_ID
                                                        + "\",\"username\":\"support1\",\"attributes\":{\"org\":[\"support-co\"]}}]")));
        for (String holder : new String[] {Stubs.KEYCLOAK_USER_ID, ROGUE_ID, SUPPORT_ID}) {
            Stubs.keycloak()
                    .register(
                            get(urlPathEqualTo(
                                            "/admin/realms/kiban/users/"
                                                    + holder
                                                    + "/role-mappings/realm/composite"))
                                    .atPriority(1)
                                    .willReturn(okJson("[" + Stubs.APPROVED_HANDLER + "]")));
        }
        double before = removedMetric();
        long audited = Db.audit("reconcile-role-removed", "keycloak-account");

        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .post("/handlers/reconciliation")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/handlers/reconciliation")
                .then()
                .statusCode(200)
                .body("holders", equalTo(3))
                .body("removed", org.hamcrest.Matchers.containsInAnyOrder("vendor-a2", "support1"))
                .body("failed", org.hamcrest.Matchers.empty());

        Stubs.keycloak()
                .verifyThat(
                        exactly(1),
                        deleteRequestedFor(
                                        urlPathEqualTo(
                                                "/admin/realms/kiban/users/"
                                                        + ROGUE_ID
                                                        + "/role-mappings/realm"))
                                .withRequestBody(
                                        com.github.tomakehurst.wiremock.client.WireMock.containing(
                                                "approved-handler")));
        Stubs.keycloak()
                .verifyThat(
                        exactly(1),
                        deleteRequestedFor(
                                urlPathEqualTo(
                                        "/admin/realms/kiban/users/"
                                                + SUPPORT_ID
                                                + "/role-mappings/realm")));
        Stubs.keycloak()
                .verifyThat(
                        exactly(0),
                        deleteRequestedFor(
                                urlPathEqualTo(
                                        "/admin/realms/kiban/users/"
                                                + Stubs.KEYCLOAK_USER_ID
                                                + "/role-mappings/realm")));
        assertThat(Db.audit("reconcile-role-removed", "keycloak-account") - audited).isEqualTo(2);
        assertThat(removedMetric() - before).isEqualTo(2.0);
        Stubs.keycloak()
                .verifyThat(
                        exactly(0),
                        getRequestedFor(urlPathMatching("/admin/realms/kiban/roles/.*")));
        Stubs.keycloak()
                .verifyThat(
                        exactly(102),
                        getRequestedFor(urlPathMatching(".*/role-mappings/realm/composite")));
    }

    @Test
    @DisplayName(
            "R-SEC-1 a reconciler pass during an approval (role granted, not yet committed) waits for it and leaves the role")
    void R_SEC_1_reconciler_never_takes_the_role_an_approval_is_granting() throws Exception {
        int id =
                propose(Tokens.vendor("vendor-a"), handler("vendor-a-tanaka"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        // Keycloak answers the grant after 3 s: the approval holds the grant, uncommitted, for that
        // long
        Stubs.keycloak()
                .register(
                        com.github.tomakehurst.wiremock.client.WireMock.post(
                                        urlPathEqualTo(
                                                "/admin/realms/kiban/users/"
                                                        + Stubs.KEYCLOAK_USER_ID
                                                        + "/role-mappings/realm"))
                                .atPriority(1)
                                .willReturn(aResponse().withStatus(204).withFixedDelay(3000)));
        // and already lists the account as a holder (the grant has reached it)
        Stubs.keycloak()
                .register(
                        get(urlPathEqualTo("/admin/realms/kiban/users"))
                                .atPriority(1)
                                .willReturn(
                                        okJson(
                                                "[{\"id\":\""
                                                        + Stubs.KEYCLOAK_USER_ID
                                                        + "\",\"username\":\"vendor-a-tanaka\"}]")));
        Stubs.keycloak()
                .register(
                        get(urlPathEqualTo(
                                        "/admin/realms/kiban/users/"
                                                + Stubs.KEYCLOAK_USER_ID
                                                + "/role-mappings/realm/composite"))
                                .atPriority(1)
                                .willReturn(okJson("[" + Stubs.APPROVED_HANDLER + "]")));
        String jpo = Tokens.jpoAdmin();
        String ifMatch = etag(id);
        var approval =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () ->
                                given().auth()
                                        .oauth2(jpo)
                                        .header("If-Match", ifMatch)
                                        .post("/handlers/" + id + "/approval")
                                        .then()
                                        .extract()
                                        .statusCode());
        // the pass starts once the grant is under way
        long deadline = System.currentTimeMillis() + 10_000;
        while (Stubs.keycloak()
                .find(
                        postRequestedFor(
                                urlPathEqualTo(
                                        "/admin/realms/kiban/users/"
                                                + Stubs.KEYCLOAK_USER_ID
                                                + "/role-mappings/realm")))
                .isEmpty()) {
            assertThat(System.currentTimeMillis())
                    .as("the approval never reached Keycloak")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        given().auth()
                .oauth2(jpo)
                .post("/handlers/reconciliation")
                .then()
                .statusCode(200)
                .body("holders", equalTo(1))
                .body("removed", org.hamcrest.Matchers.empty());
        assertThat(approval.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
        Stubs.keycloak()
                .verifyThat(
                        exactly(0), deleteRequestedFor(urlPathMatching(".*/role-mappings/realm")));
    }

    @Test
    @DisplayName(
            "R-SEC-1 a holder through a group, whose role lifecycle-service cannot remove, is a counted reconciler failure")
    void R_SEC_1_reconciler_counts_a_group_held_role_as_a_failure() {
        Stubs.keycloak()
                .register(
                        get(urlPathEqualTo("/admin/realms/kiban/users"))
                                .atPriority(1)
                                .willReturn(
                                        okJson(
                                                "[{\"id\":\""
                                                        + ROGUE_ID
                                                        + "\",\"username\":\"vendor-a2\"}]")));
        Stubs.keycloak()
                .register(
                        get(urlPathEqualTo(
                                        "/admin/realms/kiban/users/"
                                                + ROGUE_ID
                                                + "/role-mappings/realm/composite"))
                                .atPriority(1)
                                .willReturn(okJson("[" + Stubs.APPROVED_HANDLER + "]")));
        Stubs.keycloak()
                .register(
                        get(urlPathEqualTo(
                                        "/admin/realms/kiban/users/"
                                                + ROGUE_ID
                                                + "/role-mappings/realm"))
                                .atPriority(1)
                                .willReturn(okJson("[]")));
        double failures = failureMetric();
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/handlers/reconciliation")
                .then()
                .statusCode(200)
                .body("holders", equalTo(1))
                .body("removed", org.hamcrest.Matchers.empty())
                .body("failed", org.hamcrest.Matchers.contains("vendor-a2"));
        Stubs.keycloak()
                .verifyThat(
                        exactly(0), deleteRequestedFor(urlPathMatching(".*/role-mappings/realm")));
        assertThat(failureMetric() - failures).isEqualTo(1.0);
    }

    @Test
    @DisplayName(
            "R-SEC-1 a reconciler pass that cannot reach Keycloak removes nothing and is counted as a failure")
    void R_SEC_1_reconciler_without_keycloak_changes_nothing() {
        Stubs.keycloak()
                .register(
                        get(urlPathEqualTo("/admin/realms/kiban/users"))
                                .atPriority(1)
                                .willReturn(aResponse().withStatus(500)));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .post("/handlers/reconciliation")
                .then()
                .statusCode(200)
                .body("holders", equalTo(-1))
                .body("failed", org.hamcrest.Matchers.contains("keycloak"));
        Stubs.keycloak()
                .verifyThat(
                        exactly(0), deleteRequestedFor(urlPathMatching(".*/role-mappings/realm")));
    }

    @Test
    @DisplayName(
            "R-SEC-1 capital relations, officers and place of work are recorded once per vendor organisation")
    void R_SEC_1_vendor_organisation_facts() {
        long recorded = Db.audit("record", "vendor-organisation");
        long changed = Db.audit("change", "vendor-organisation");
        Map<String, Object> facts =
                Map.of(
                        "capitalRelations",
                        "親会社: A ホールディングス (100%)",
                        "officers",
                        "代表取締役 山田 太郎",
                        "placeOfWork",
                        "東京都港区芝5-7-1 本社 3F");
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .contentType(ContentType.JSON)
                .body(facts)
                .put("/handlers/organisations/vendor-a")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .contentType(ContentType.JSON)
                .body(facts)
                .put("/handlers/organisations/vendor-a")
                .then()
                .statusCode(403);
        String etag =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .contentType(ContentType.JSON)
                        .body(facts)
                        .put("/handlers/organisations/vendor-a")
                        .then()
                        .statusCode(200)
                        .body("recordedBy", equalTo("vendor-a-engineer"))
                        .extract()
                        .header("ETag");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(facts)
                .put("/handlers/organisations/vendor-a")
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(
                        Map.of(
                                "capitalRelations",
                                "独立系",
                                "officers",
                                "代表取締役 山田 太郎",
                                "placeOfWork",
                                "同上"))
                .put("/handlers/organisations/vendor-a")
                .then()
                .statusCode(200)
                .body("capitalRelations", equalTo("独立系"));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/handlers/organisations/vendor-a")
                .then()
                .statusCode(200)
                .body("officers", equalTo("代表取締役 山田 太郎"));
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .get("/handlers/organisations/vendor-a")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(Map.of("officers", "x"))
                .put("/handlers/organisations/vendor-a")
                .then()
                .statusCode(400);
        assertThat(Db.audit("record", "vendor-organisation") - recorded).isEqualTo(1);
        assertThat(Db.audit("change", "vendor-organisation") - changed).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "SEC issue 13 hole 7: POST /handlers honours Idempotency-Key (same body replayed, one row; other body 422)")
    void SEC_idempotency_key_on_proposals() {
        Map<String, Object> body = handler("vendor-a-tanaka");
        int first =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .header("Idempotency-Key", RUN + "h-1")
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/handlers")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("Idempotency-Key", RUN + "h-1")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/handlers")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        body.put("position", "主任");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("Idempotency-Key", RUN + "h-1")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/handlers")
                .then()
                .statusCode(422);
        assertThat(Db.count("SELECT COUNT(*) FROM approved_handler")).isEqualTo(1);
    }

    private static double failureMetric() {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines()
                .filter(l -> l.startsWith("kiban_handlers_reconcile_failures_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static double removedMetric() {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines()
                .filter(l -> l.startsWith("kiban_handlers_role_removed_by_reconciler_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
