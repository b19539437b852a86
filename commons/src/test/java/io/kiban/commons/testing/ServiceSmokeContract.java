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
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(containsString("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("kiban_audit_chain_valid"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("Kiban " + service()));
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "#17: every operation has a 日本語 / English summary, a Japanese-then-English description, problem answers, enum query parameters and an example body")
    void every_operation_is_documented_in_japanese_then_english() {
        assertThat(ApiContract.operationsMissingDocumentation()).isEmpty();
    }

    @Test
    void every_endpoint_requires_a_token() {
        assertThat(ApiContract.unsecuredOperations()).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "SEC_idempotency_key: every POST documents Idempotency-Key, or says it is not accepted and answers 400 to one (#13)")
    void SEC_every_post_honours_or_refuses_an_idempotency_key() {
        assertThat(ApiContract.postsBreakingTheIdempotencyKeyContract()).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "SEC_audience: a token whose aud does not name this service is 401, whatever its roles (#15 item 9)")
    void SEC_audience_a_token_for_another_client_is_401() {
        given().auth()
                .oauth2(
                        Tokens.withAudience(
                                java.util.List.of("account", "kiban-other-client"),
                                "auditor1",
                                "jpo",
                                "auditor",
                                "jpo-admin"))
                .get("/audit/verify")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.withAudience(java.util.List.of(), "auditor1", "jpo", "auditor"))
                .get("/audit/verify")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(
                        Tokens.withAudience(
                                java.util.List.of(service()), "auditor1", "jpo", "auditor"))
                .get("/audit/verify")
                .then()
                .statusCode(200);
    }

    @Test
    void the_audit_chain_verifies_and_is_protected() {
        given().get("/audit/verify").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.jpoStaff()).get("/audit/verify").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("chain", equalTo(service()));
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "R-RM-4 the whole audit trail and a checkpoint of its head go to the archive (service token)")
    void R_RM_4_the_audit_trail_is_exported_with_its_checkpoint() {
        given().auth().oauth2(Tokens.jpoStaff()).get("/audit/export").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .get("/audit/export")
                .then()
                .statusCode(403);
        var export =
                given().auth()
                        .oauth2(Tokens.service("lifecycle"))
                        .get("/audit/export")
                        .then()
                        .statusCode(200)
                        .body("chain", equalTo(service()))
                        .extract()
                        .jsonPath();
        long checkpointSeq = export.getLong("checkpoint.seq");
        java.util.List<Long> seqs = export.getList("entries.seq", Long.class);
        assertThat(seqs).as("oldest first, none left out").isSorted();
        assertThat(seqs).hasSizeGreaterThanOrEqualTo((int) checkpointSeq);
        if (checkpointSeq > 0) {
            assertThat(seqs).contains(checkpointSeq);
            assertThat(export.getString("entries.find { it.seq == " + checkpointSeq + " }.mac"))
                    .isEqualTo(export.getString("checkpoint.mac"));
        }
    }
}
