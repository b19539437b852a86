package io.kiban.commons.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Checks a service's OpenAPI document against the rules every operation must follow. */
public final class ApiContract {

    /** The sentence an operation that does not honour Idempotency-Key must carry in its description. */
    public static final String KEY_NOT_ACCEPTED = "Idempotency-Key is not accepted";

    private ApiContract() {
    }

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    /** "METHOD /path" of each operation that has no security requirement (should be none). */
    public static List<String> unsecuredOperations() {
        Map<String, Map<String, Object>> paths = document().getMap("paths");
        List<String> unsecured = new ArrayList<>();
        if (paths == null || paths.isEmpty()) {
            unsecured.add("the OpenAPI document lists no operations at all");
            return unsecured;
        }
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/q/") && operation instanceof Map<?, ?> op && !op.containsKey("security")) {
                unsecured.add(method.toUpperCase() + " " + path);
            }
        }));
        return unsecured;
    }

    /**
     * Walks every POST of the OpenAPI document (#13 hole 7): each either documents the
     * {@code Idempotency-Key} header parameter, or says in its description that the key is not accepted
     * AND answers 400 problem+json when one is sent anyway. Answers what breaks the rule (empty = fine).
     */
    @SuppressWarnings("unchecked")
    public static List<String> postsBreakingTheIdempotencyKeyContract() {
        Map<String, Map<String, Object>> paths = document().getMap("paths");
        List<String> broken = new ArrayList<>();
        if (paths == null) {
            return broken;
        }
        paths.forEach((path, operations) -> {
            if (path.startsWith("/q/") || !(operations.get("post") instanceof Map<?, ?> raw)) {
                return;
            }
            Map<String, Object> post = (Map<String, Object>) raw;
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) post.getOrDefault("parameters",
                    List.of());
            boolean documented = parameters.stream().anyMatch(p -> "header".equals(p.get("in"))
                    && "Idempotency-Key".equalsIgnoreCase(String.valueOf(p.get("name"))));
            if (documented) {
                return;
            }
            String description = String.valueOf(post.getOrDefault("description", ""));
            if (!description.contains(KEY_NOT_ACCEPTED)) {
                broken.add("POST " + path + ": neither documents Idempotency-Key nor says \"" + KEY_NOT_ACCEPTED
                        + "\"");
                return;
            }
            Response answer = postWithKey(path, post);
            if (answer.statusCode() != 400 || !String.valueOf(answer.contentType()).startsWith("application/problem+json")
                    || !answer.asString().contains("does not accept Idempotency-Key")) {
                broken.add("POST " + path + ": says the key is not accepted but a request with one answered "
                        + answer.statusCode() + " " + answer.asString());
            }
        });
        return broken;
    }

    /** Sends the POST with a key under the first token the operation lets through (401/403 → next token). */
    @SuppressWarnings("unchecked")
    private static Response postWithKey(String template, Map<String, Object> post) {
        Map<String, Object> content = post.get("requestBody") instanceof Map<?, ?> body
                && body.get("content") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
        String mediaType = content.isEmpty() ? null : content.keySet().iterator().next();
        List<Supplier<String>> tokens = List.of(Tokens::jpoAdmin, () -> Tokens.vendor("vendor-a"),
                Tokens::supportVendor, () -> Tokens.service("lifecycle"), Tokens::jpoStaff, Tokens::auditor);
        Response last = null;
        for (String value : List.of("1", UUID.randomUUID().toString())) {
            String path = template.replaceAll("\\{[^}]+}", value);
            for (Supplier<String> token : tokens) {
                RequestSpecification request = given().auth().oauth2(token.get())
                        .header("Idempotency-Key", UUID.randomUUID().toString());
                if (mediaType != null && mediaType.startsWith("multipart/")) {
                    request = request.multiPart("file", "x.txt", "x".getBytes(), "text/plain");
                } else if (mediaType != null) {
                    request = request.contentType(mediaType).body(mediaType.contains("json") ? "{}" : "x");
                }
                last = request.post(path);
                if (last.statusCode() != 401 && last.statusCode() != 403) {
                    break;
                }
            }
            if (last.statusCode() != 404) {
                return last;
            }
        }
        return last;
    }
}
