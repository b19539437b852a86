package io.kiban.commons.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #16 §3: the Idempotency-Key claim is made inside the business transaction (no transaction of its
 * own, no release): the guarantees stay those of {@link IdempotencyTest}.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class IdempotencyInTransactionTest {

    private static Response post(String token, String key, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/widgets");
    }

    private static String one(String sql, Object... args) throws Exception {
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    @DisplayName(
            "#16 §3: six concurrent duplicates (same key, same body) have one effect; the others get 409 or the replay")
    void SEC_idempotency_concurrent_duplicates_have_one_effect() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = ProblemResponsesTest.unique();
        String body =
                "{\"name\":\"" + name + "\",\"kind\":\"SMALL\",\"quantity\":1,\"holdMillis\":1500}";
        String token = Tokens.jpoAdmin();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                } catch (InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                                return post(token, key, body);
                            }));
        }
        start.countDown();
        int created = 0;
        for (CompletableFuture<Response> f : all) {
            Response r = f.get();
            if (r.statusCode() == 201 && r.header("Idempotent-Replayed") == null) {
                created++;
            } else if (r.statusCode() == 201) {
                assertThat(r.header("Idempotent-Replayed")).isEqualTo("true");
            } else {
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
                assertThat(r.jsonPath().getString("type"))
                        .isEqualTo("urn:kiban:problem:idempotency-in-flight");
            }
        }
        assertThat(created).isEqualTo(1);
        assertThat(one("SELECT COUNT(*) FROM sample_widget WHERE name = ?", name)).isEqualTo("1");
        String id = one("SELECT id FROM sample_widget WHERE name = ?", name);
        assertThat(
                        one(
                                "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'widget' AND action = 'create'"
                                        + " AND entity_id = ?",
                                id))
                .isEqualTo("1");
        Response retry = post(token, key, body);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(retry.jsonPath().getString("name")).isEqualTo(name);
    }

    @Test
    @DisplayName(
            "#16 §3: a request that fails leaves no claim behind: it rolled back with the business change")
    void SEC_idempotency_a_failed_request_leaves_no_claim_row() throws Exception {
        String name = ProblemResponsesTest.unique();
        post(
                        Tokens.jpoAdmin(),
                        UUID.randomUUID().toString(),
                        ProblemResponsesTest.body(name, "SMALL", 1))
                .then()
                .statusCode(201);
        // the service refuses the second widget of that name inside the transaction that claimed
        // the key
        String key = UUID.randomUUID().toString();
        post(Tokens.jpoAdmin(), key, ProblemResponsesTest.body(name, "SMALL", 1))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(one("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?", key))
                .isEqualTo("0");
    }

    @Test
    @DisplayName(
            "#16 §3: the first request commits its claim already DONE with the stored response, in its own transaction")
    void SEC_idempotency_the_claim_commits_done_with_the_business_change() throws Exception {
        String key = UUID.randomUUID().toString();
        long id =
                post(
                                Tokens.jpoAdmin(),
                                key,
                                ProblemResponsesTest.body(
                                        ProblemResponsesTest.unique(), "SMALL", 2))
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        assertThat(
                        one(
                                "SELECT CONCAT(state, ' ', response_status) FROM idempotency_record WHERE idem_key = ?",
                                key))
                .isEqualTo("DONE 201");
        assertThat(one("SELECT response_body FROM idempotency_record WHERE idem_key = ?", key))
                .contains("\"id\":" + id);
    }

    @Test
    @DisplayName(
            "#16 §3: a fresh key waits out another transaction's lock in its way (a range delete's gap lock) instead of a spurious 409")
    void SEC_idempotency_a_fresh_key_is_not_refused_for_a_lock_it_does_not_share()
            throws Exception {
        String key = UUID.randomUUID().toString();
        String name = ProblemResponsesTest.unique();
        String body = "{\"name\":\"" + name + "\",\"kind\":\"SMALL\",\"quantity\":1}";
        String token = Tokens.jpoAdmin();
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            // what the purge did before: a range delete under REPEATABLE READ locks the expiry
            // index up
            // to its end, where every new claim's expiry goes; rolled back, so nothing is deleted
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "DELETE FROM idempotency_record WHERE expires_at < '2999-01-01'")) {
                ps.executeUpdate();
            }
            CompletableFuture<Response> first =
                    CompletableFuture.supplyAsync(() -> post(token, key, body));
            Thread.sleep(300);
            c.rollback();
            Response r = first.get();
            // with no wait at all (innodb_lock_wait_timeout = 0, before) this was 409
            // idempotency-in-flight
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        }
        assertThat(one("SELECT COUNT(*) FROM sample_widget WHERE name = ?", name)).isEqualTo("1");
    }
}
