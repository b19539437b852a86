package io.kiban.commons.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.idempotency.IdempotencyStore;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class IdempotencyTest {

    @Inject IdempotencyStore store;

    private static Response post(String token, String key, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/widgets");
    }

    @Test
    void same_key_same_body_replays_the_stored_response_without_a_second_write() {
        String key = UUID.randomUUID().toString();
        String body = ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 3);
        Response first = post(Tokens.jpoAdmin(), key, body);
        first.then().statusCode(201);
        Response second = post(Tokens.jpoAdmin(), key, body);
        second.then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .header("ETag", first.header("ETag"));
        assertThat(second.jsonPath().getLong("id")).isEqualTo(first.jsonPath().getLong("id"));
    }

    @Test
    void same_key_different_body_is_422() {
        String key = UUID.randomUUID().toString();
        post(
                        Tokens.jpoAdmin(),
                        key,
                        ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 1))
                .then()
                .statusCode(201);
        post(
                        Tokens.jpoAdmin(),
                        key,
                        ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 2))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:idempotency-key-reused"));
    }

    @Test
    void the_key_belongs_to_its_caller() {
        String key = UUID.randomUUID().toString();
        String body = ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 1);
        post(Tokens.jpoAdmin(), key, body).then().statusCode(201);
        // another caller with the same key is another request: here it collides on the unique name
        post(Tokens.vendor("vendor-a"), key, body)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:kiban:problem:conflict"));
    }

    @Test
    void same_key_while_the_first_request_runs_is_409() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = ProblemResponsesTest.unique();
        String body =
                "{\"name\":\"" + name + "\",\"kind\":\"SMALL\",\"quantity\":1,\"holdMillis\":2500}";
        String token = Tokens.jpoAdmin();
        CompletableFuture<Response> first =
                CompletableFuture.supplyAsync(() -> post(token, key, body));
        Thread.sleep(800);
        post(token, key, body)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:idempotency-in-flight"));
        first.get().then().statusCode(201);
        post(token, key, body).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void a_failed_request_frees_its_key_for_a_corrected_retry() {
        String key = UUID.randomUUID().toString();
        String name = ProblemResponsesTest.unique();
        post(Tokens.jpoAdmin(), key, ProblemResponsesTest.body(name, "SMALL", 5000))
                .then()
                .statusCode(422);
        post(Tokens.jpoAdmin(), key, ProblemResponsesTest.body(name, "SMALL", 5))
                .then()
                .statusCode(201);
    }

    @Test
    void a_key_whose_request_died_can_be_taken_over_after_its_lease() throws Exception {
        String caller = "test#dead-request";
        String key = UUID.randomUUID().toString();
        IdempotencyStore.Claim dead = store.claim(caller, key, "a".repeat(64));
        assertThatThrownBy(() -> store.claim(caller, key, "a".repeat(64)))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.IDEMPOTENCY_IN_FLIGHT));
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE idempotency_record SET lease_until = NOW(6) - INTERVAL 1 SECOND WHERE caller = ? AND idem_key = ?")) {
            ps.setString(1, caller);
            ps.setString(2, key);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        IdempotencyStore.Claim retry = store.claim(caller, key, "a".repeat(64));
        assertThat(retry.token()).isNotEqualTo(dead.token());
        // the first request, if it ever wakes up, can no longer commit its result
        assertThatThrownBy(
                        () ->
                                QuarkusTransaction.requiringNew()
                                        .run(
                                                () ->
                                                        store.complete(
                                                                dead,
                                                                new IdempotencyStore.StoredResponse(
                                                                        201,
                                                                        "application/json",
                                                                        "{}",
                                                                        "{}"))))
                .isInstanceOf(ProblemException.class);
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                store.complete(
                                        retry,
                                        new IdempotencyStore.StoredResponse(
                                                201, "application/json", "{}", "{\"ok\":true}")));
        assertThat(store.claim(caller, key, "a".repeat(64)).replay().body())
                .isEqualTo("{\"ok\":true}");
    }

    @Test
    void expired_keys_are_purged_by_the_job() throws Exception {
        String caller = "test#expiry";
        String key = UUID.randomUUID().toString();
        store.claim(caller, key, "b".repeat(64));
        try (Connection c = TestDatabase.connect()) {
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "UPDATE idempotency_record SET expires_at = NOW(6) - INTERVAL 1 HOUR WHERE idem_key = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            assertThat(store.purgeExpired()).isGreaterThanOrEqualTo(1);
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
            }
        }
    }

    @Test
    void an_overlong_key_is_400() {
        post(
                        Tokens.jpoAdmin(),
                        "k".repeat(300),
                        ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 1))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
