package io.kiban.commons.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.ApiContract;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #13 hole 7: a key is either honoured (documented) or refused (documented, 400) — never silently
 * ignored.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class IdempotencyKeyContractTest {

    private static long widgetsNamed(String name) throws Exception {
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT COUNT(*) FROM sample_widget WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    @DisplayName(
            "SEC_idempotency_key: a key sent to a POST that does not honour it → 400 problem+json, nothing written")
    void SEC_idempotency_key_on_a_post_without_Idempotent_is_400_and_writes_nothing()
            throws Exception {
        String name = ProblemResponsesTest.unique();
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-1")
                .body(ProblemResponsesTest.body(name, "SMALL", 1))
                .post("/widgets/1/copies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:bad-request"))
                .body("detail", containsString("this operation does not accept Idempotency-Key"));
        assertThat(widgetsNamed(name)).isZero();
        // the same POST without the key is served
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(ProblemResponsesTest.body(name, "SMALL", 1))
                .post("/widgets/1/copies")
                .then()
                .statusCode(201);
        assertThat(widgetsNamed(name)).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "SEC_idempotency_key: the refusal comes before the body is read or validated, and after authentication")
    void SEC_idempotency_key_refusal_precedes_body_validation() {
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-2")
                .body("{}")
                .post("/widgets/1/copies")
                .then()
                .statusCode(400)
                .body("detail", containsString("does not accept Idempotency-Key"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-3")
                .body("{\"name\": ")
                .post("/widgets/1/copies")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:kiban:problem:bad-request"));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-4")
                .body("{}")
                .post("/widgets/1/copies")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.vendor("vendor-a"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-5")
                .body("{}")
                .post("/widgets/1/copies")
                .then()
                .statusCode(403);
    }

    @Test
    @DisplayName(
            "SEC_idempotency_key: the OpenAPI document shows the header on @Idempotent POSTs and 'not accepted' on the others")
    @SuppressWarnings("unchecked")
    void SEC_idempotency_key_is_documented_on_every_post() {
        JsonPath doc =
                given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        List<Map<String, Object>> createParameters =
                doc.getList("paths.'/widgets'.post.parameters");
        assertThat(createParameters)
                .anySatisfy(
                        p -> {
                            assertThat(p.get("name")).isEqualTo("Idempotency-Key");
                            assertThat(p.get("in")).isEqualTo("header");
                        });
        assertThat(String.valueOf(doc.getString("paths.'/widgets'.post.description")))
                .doesNotContain("is not accepted");
        assertThat(doc.getString("paths.'/widgets/{id}/copies'.post.description"))
                .contains("Idempotency-Key is not accepted");
        assertThat((List<Object>) doc.getList("paths.'/widgets/{id}/copies'.post.parameters"))
                .noneSatisfy(
                        p ->
                                assertThat(((Map<String, Object>) p).get("name"))
                                        .isEqualTo("Idempotency-Key"));
        // the walk every service's smoke test runs
        assertThat(ApiContract.postsBreakingTheIdempotencyKeyContract()).isEmpty();
    }

    @Test
    @DisplayName("SEC_idempotency_key: an @Idempotent POST still honours the key")
    void SEC_idempotency_key_is_still_honoured_where_documented() {
        String body = ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 2);
        long first =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .contentType(ContentType.JSON)
                        .header("Idempotency-Key", "keep-1-" + body.hashCode())
                        .body(body)
                        .post("/widgets")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "keep-1-" + body.hashCode())
                .body(body)
                .post("/widgets")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo((int) first));
    }
}
