package io.kiban.lifecycle.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class HandlerTest {

    static final String MAPPINGS =
            "/admin/realms/kiban/users/" + Stubs.KEYCLOAK_USER_ID + "/role-mappings/realm";

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
    }

    @Test
    void
            R_SEC_1_the_vendor_proposes_and_jpo_admin_approves_beforehand_which_grants_the_keycloak_role() {
        int id =
                propose(Tokens.vendor("vendor-a"), handler("vendor-a-tanaka"))
                        .then()
                        .statusCode(201)
                        .body("status", equalTo("PROPOSED"))
                        .body("organisation", equalTo("vendor-a"))
                        .body("nationality", equalTo("日本"))
                        .extract()
                        .path("id");
        Stubs.keycloak()
                .verifyThat(
                        exactly(0), postRequestedFor(urlPathMatching(".*/role-mappings/realm")));

        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .header("If-Match", etag(id))
                .post("/handlers/" + id + "/approval")
                .then()
                .statusCode(403);
        approve(Tokens.jpoAdmin(), id)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("jpo-admin1"))
                .body("roleSynced", equalTo(true));
        Stubs.keycloak()
                .verifyThat(
                        exactly(1),
                        postRequestedFor(urlPathEqualTo(MAPPINGS))
                                .withRequestBody(containing("approved-handler")));
    }

    @Test
    void R_SEC_1_removal_takes_effect_at_once_and_removes_the_keycloak_role() {
        int id =
                propose(Tokens.vendor("vendor-a"), handler(Stubs.KEYCLOAK_USER_ID))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        approve(Tokens.jpoAdmin(), id).then().statusCode(200);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "退職"))
                .post("/handlers/" + id + "/removal")
                .then()
                .statusCode(200)
                .body("status", equalTo("REMOVED"))
                .body("roleSynced", equalTo(true))
                .body("note", equalTo("退職"));
        Stubs.keycloak()
                .verifyThat(
                        exactly(1),
                        deleteRequestedFor(urlPathEqualTo(MAPPINGS))
                                .withRequestBody(containing("approved-handler")));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .post("/handlers/" + id + "/removal")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-SEC-1"));
    }

    @Test
    void R_SEC_1_a_change_of_an_approved_entry_waits_for_approval() {
        int id =
                propose(Tokens.vendor("vendor-a"), handler("vendor-a-tanaka"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        approve(Tokens.jpoAdmin(), id).then().statusCode(200);
        String etag =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .get("/handlers/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        Map<String, Object> changed = handler("vendor-a-tanaka");
        changed.put("affiliation", "クラウド基盤部");
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(changed)
                .put("/handlers/" + id)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(changed)
                .put("/handlers/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("affiliation", equalTo("ITサービス事業部"))
                .body("pendingChange.affiliation", equalTo("クラウド基盤部"));
        approve(Tokens.jpoAdmin(), id)
                .then()
                .statusCode(200)
                .body("affiliation", equalTo("クラウド基盤部"))
                .body("pendingChange", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void R_SEC_1_nothing_is_approved_when_keycloak_refuses() {
        Stubs.keycloak()
                .register(
                        post(urlPathMatching(".*/role-mappings/realm"))
                                .atPriority(1)
                                .willReturn(serverError()));
        int id =
                propose(Tokens.vendor("vendor-a"), handler("vendor-a-tanaka"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        approve(Tokens.jpoAdmin(), id)
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/handlers/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"));
    }

    @Test
    void R_SEC_1_handler_bad_input_roles_and_organisation_scope() {
        Map<String, Object> missing = handler("x");
        missing.remove("nationality");
        propose(Tokens.vendor("vendor-a"), missing)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.containsString("nationality"));
        propose(Tokens.unapprovedVendor("vendor-a"), handler("x")).then().statusCode(403);
        propose(Tokens.jpoStaff(), handler("x")).then().statusCode(403);
        int id =
                propose(Tokens.vendor("vendor-a"), handler("vendor-a-tanaka"))
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        propose(Tokens.vendor("vendor-a"), handler("vendor-a-tanaka")).then().statusCode(409);
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .get("/handlers/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .get("/handlers")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/handlers?status=PROPOSED")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/handlers?status=MAYBE")
                .then()
                .statusCode(400);
    }

    static String etag(int id) {
        return given().auth()
                .oauth2(Tokens.jpoAdmin())
                .get("/handlers/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** R-SEC-2: an approval names the version reviewed. */
    static io.restassured.response.Response approve(String token, int id) {
        return given().auth()
                .oauth2(token)
                .header("If-Match", etag(id))
                .post("/handlers/" + id + "/approval");
    }

    static io.restassured.response.Response propose(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/handlers");
    }

    static Map<String, Object> handler(String account) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "田中 一郎");
        m.put("address", "東京都千代田区霞が関3-4-3");
        m.put("dateOfBirth", "1980-04-01");
        m.put("department", "ITサービス事業部 基盤課");
        m.put("position", "課長");
        m.put("trackRecord", "官公庁向け基盤の保守 10年");
        m.put("role", "保守作業責任者");
        m.put("affiliation", "ITサービス事業部");
        m.put("expertise", "Kubernetes, ストレージ");
        m.put("nationality", "日本");
        m.put("accountId", account);
        return m;
    }
}
