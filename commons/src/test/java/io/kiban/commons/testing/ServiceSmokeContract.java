package io.kiban.commons.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What every service must do, whatever it owns: start on its own database with health, metrics and
 * OpenAPI; require a token on every operation; verify and protect its audit chain. A service's
 * {@code ServiceSmokeTest} extends this and names itself.
 */
public abstract class ServiceSmokeContract {

    /** The application name, e.g. {@code asset-service}. */
    protected abstract String service();

    @Test
    void health_metrics_and_openapi_are_served() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("kiban_audit_chain_valid"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("Kiban " + service()));
    }

    @Test
    void every_endpoint_requires_a_token() {
        assertThat(ApiContract.unsecuredOperations()).isEmpty();
    }

    @Test
    void the_audit_chain_verifies_and_is_protected() {
        given().get("/audit/verify").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.jpoStaff()).get("/audit/verify").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor()).get("/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("chain", equalTo(service()));
    }
}
