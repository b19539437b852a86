package io.kiban.commons.mechanics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** #15 item 10: the body limits hold without a Content-Length (chunked transfer) too. */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class BodyLimitTest {

    private static ByteArrayInputStream chunked(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * POSTs JSON with Transfer-Encoding: chunked (no Content-Length), as a streaming client does.
     */
    private static java.net.http.HttpResponse<String> postChunked(String path, String json)
            throws Exception {
        java.net.http.HttpClient client =
                java.net.http.HttpClient.newBuilder()
                        .version(java.net.http.HttpClient.Version.HTTP_1_1)
                        .build();
        java.net.http.HttpRequest request =
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(
                                        "http://localhost:"
                                                + io.restassured.RestAssured.port
                                                + path))
                        .header("Authorization", "Bearer " + Tokens.jpoAdmin())
                        .header("Content-Type", "application/json")
                        .POST(
                                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                        () -> chunked(json)))
                        .build();
        return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName(
            "SEC_body_limit: a chunked JSON body over the 1M limit is 413 problem+json, counted while it streams")
    void SEC_body_limit_chunked_json_over_the_limit_is_413() throws Exception {
        // 1,500,000 characters of name: past the 1,048,576-byte default
        // (kiban.http.max-json-body=1M)
        var response =
                postChunked(
                        "/widgets", ProblemResponsesTest.body("x".repeat(1_500_000), "SMALL", 1));
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(413);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        t ->
                                org.assertj.core.api.Assertions.assertThat(t)
                                        .startsWith("application/problem+json"));
        org.assertj.core.api.Assertions.assertThat(response.body())
                .contains("urn:kiban:problem:payload-too-large")
                .contains("chunked body passed 1048576 bytes");
    }

    @Test
    @DisplayName("SEC_body_limit: a small chunked JSON body is served as usual")
    void SEC_body_limit_small_chunked_json_is_served() throws Exception {
        var response =
                postChunked(
                        "/widgets",
                        ProblemResponsesTest.body(ProblemResponsesTest.unique(), "SMALL", 1));
        org.assertj.core.api.Assertions.assertThat(response.statusCode())
                .as(response.body())
                .isEqualTo(201);
    }

    @Test
    @DisplayName(
            "SEC_body_limit: a multipart upload over its @BodyLimit (64K) is 413 with or without Content-Length")
    void SEC_body_limit_multipart_over_the_limit_is_413_chunked_or_not() {
        byte[] big = new byte[100 * 1024];
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .multiPart("file", "big.bin", new ByteArrayInputStream(big))
                .post("/widgets/1/attachments")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kiban:problem:payload-too-large"))
                .body("detail", containsString("chunked body has"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .multiPart("file", "big.bin", big)
                .post("/widgets/1/attachments")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("accepts at most 65536"));
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .multiPart("file", "small.bin", new ByteArrayInputStream(new byte[1024]))
                .post("/widgets/1/attachments")
                .then()
                .statusCode(200)
                .body("size", equalTo(1024));
    }
}
