package io.kiban.commons.mechanics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class SecurityTest {

    @Test
    void no_token_is_401_problem() {
        given().get("/widgets")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:kiban:problem:unauthorized"));
    }

    @Test
    void expired_token_is_401() {
        given().auth()
                .oauth2(Tokens.expired("jpo-admin1", "jpo", "jpo-admin"))
                .get("/widgets")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @DisplayName(
            "SEC_audience: a token without aud, or meant for another client, is 401 (#15 item 9)")
    void SEC_audience_a_token_not_meant_for_this_service_is_401() {
        given().auth()
                .oauth2(Tokens.withAudience(java.util.List.of(), "jpo-admin1", "jpo", "jpo-admin"))
                .get("/widgets")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(
                        Tokens.withAudience(
                                java.util.List.of("asset-service", "account"),
                                "jpo-admin1",
                                "jpo",
                                "jpo-admin"))
                .get("/widgets")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        // the same user with this service's client id among the audiences is served
        given().auth()
                .oauth2(
                        Tokens.withAudience(
                                java.util.List.of("account", "commons-sample"),
                                "jpo-admin1",
                                "jpo",
                                "jpo-admin"))
                .get("/widgets")
                .then()
                .statusCode(200);
        org.assertj.core.api.Assertions.assertThat(Tokens.audience())
                .containsExactly("commons-sample");
    }

    @Test
    void tampered_token_is_401() {
        given().auth()
                .oauth2(Tokens.tampered("jpo-staff1", "jpo", "jpo-staff"))
                .get("/widgets")
                .then()
                .statusCode(401);
    }

    @Test
    void wrong_role_is_403_problem() {
        given().auth()
                .oauth2(Tokens.auditor())
                .contentType(ContentType.JSON)
                .body(ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 1))
                .post("/widgets")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:forbidden"));
        given().auth().oauth2(Tokens.supportVendor()).get("/widgets").then().statusCode(403);
    }

    @Test
    @DisplayName(
            "R-SEC-1 a vendor account not on the approved list of information handlers gets nothing")
    void R_SEC_1_unapproved_vendor_gets_403_everywhere() {
        given().auth()
                .oauth2(Tokens.unapprovedVendor("vendor-a"))
                .get("/widgets")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.unapprovedVendor("vendor-a"))
                .contentType(ContentType.JSON)
                .body(ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 1))
                .post("/widgets")
                .then()
                .statusCode(403);
        given().auth().oauth2(Tokens.vendor("vendor-a")).get("/widgets").then().statusCode(200);
    }

    @Test
    void another_organisations_object_is_404_not_403() {
        String location =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .contentType(ContentType.JSON)
                        .body(ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 1))
                        .post("/widgets")
                        .then()
                        .statusCode(201)
                        .body("organisation", equalTo("vendor-a"))
                        .extract()
                        .header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .get(location)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .header("If-Match", "\"0\"")
                .delete(location)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.vendor("vendor-b"))
                .queryParam("size", 200)
                .get("/widgets")
                .then()
                .statusCode(200)
                .body("id", not(hasItem((int) id)));
        given().auth().oauth2(Tokens.vendor("vendor-a")).get(location).then().statusCode(200);
        given().auth().oauth2(Tokens.jpoStaff()).get(location).then().statusCode(200);
    }

    @Test
    void every_endpoint_requires_a_token() {
        org.assertj.core.api.Assertions.assertThat(
                        io.kiban.commons.testing.ApiContract.unsecuredOperations())
                .isEmpty();
    }

    @Test
    void health_metrics_and_openapi_are_public() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void the_swagger_login_goes_to_the_public_keycloak_host_configured_at_start_up() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "components.securitySchemes.SecurityScheme.openIdConnectUrl",
                        equalTo(
                                "https://auth.kiban.test/realms/kiban/.well-known/openid-configuration"));
    }
}
