package io.kiban.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The service starts on its own database with health, metrics, OpenAPI, security and its audit chain. */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class ServiceSmokeTest {

    @Test
    void health_metrics_and_openapi_are_served() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("kiban_audit_chain_valid"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("Kiban lifecycle-service"));
    }

    @Test
    void every_endpoint_requires_a_token() {
        org.assertj.core.api.Assertions.assertThat(io.kiban.commons.testing.ApiContract.unsecuredOperations())
                .isEmpty();
    }

    @Test
    void the_audit_chain_verifies_and_is_protected() {
        given().get("/audit/verify").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.jpoStaff()).get("/audit/verify").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).get("/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("chain", equalTo("lifecycle-service"));
    }
}
