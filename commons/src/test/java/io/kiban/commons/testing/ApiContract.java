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

    /**
     * The sentence an operation that does not honour Idempotency-Key must carry in its description.
     */
    public static final String KEY_NOT_ACCEPTED = "Idempotency-Key is not accepted";

    private ApiContract() {}

    private static JsonPath document() {
        return given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** "METHOD /path" of each operation that has no security requirement (should be none). */
    public static List<String> unsecuredOperations() {
        Map<String, Map<String, Object>> paths = document().getMap("paths");
        List<String> unsecured = new ArrayList<>();
        if (paths == null || paths.isEmpty()) {
            unsecured.add("the OpenAPI document lists no operations at all");
            return unsecured;
        }
        paths.forEach(
                (path, operations) ->
                        operations.forEach(
                                (method, operation) -> {
                                    if (!path.startsWith("/q/")
                                            && operation instanceof Map<?, ?> op
                                            && !op.containsKey("security")) {
                                        unsecured.add(method.toUpperCase() + " " + path);
                                    }
                                }));
        return unsecured;
    }

    /**
     * Walks every POST of the OpenAPI document (#13 hole 7): each either documents the {@code
     * Idempotency-Key} header parameter, or says in its description that the key is not accepted
     * AND answers 400 problem+json when one is sent anyway. Answers what breaks the rule (empty =
     * fine).
     */
    @SuppressWarnings("unchecked")
    public static List<String> postsBreakingTheIdempotencyKeyContract() {
        Map<String, Map<String, Object>> paths = document().getMap("paths");
        List<String> broken = new ArrayList<>();
        if (paths == null) {
            return broken;
        }
        paths.forEach(
                (path, operations) -> {
                    if (path.startsWith("/q/")
                            || !(operations.get("post") instanceof Map<?, ?> raw)) {
                        return;
                    }
                    Map<String, Object> post = (Map<String, Object>) raw;
                    List<Map<String, Object>> parameters =
                            (List<Map<String, Object>>) post.getOrDefault("parameters", List.of());
                    boolean documented =
                            parameters.stream()
                                    .anyMatch(
                                            p ->
                                                    "header".equals(p.get("in"))
                                                            && "Idempotency-Key"
                                                                    .equalsIgnoreCase(
                                                                            String.valueOf(
                                                                                    p.get(
                                                                                            "name"))));
                    if (documented) {
                        return;
                    }
                    String description = String.valueOf(post.getOrDefault("description", ""));
                    if (!description.contains(KEY_NOT_ACCEPTED)) {
                        broken.add(
                                "POST "
                                        + path
                                        + ": neither documents Idempotency-Key nor says \""
                                        + KEY_NOT_ACCEPTED
                                        + "\"");
                        return;
                    }
                    Response answer = postWithKey(path, post);
                    if (answer.statusCode() != 400
                            || !String.valueOf(answer.contentType())
                                    .startsWith("application/problem+json")
                            || !answer.asString().contains("does not accept Idempotency-Key")) {
                        broken.add(
                                "POST "
                                        + path
                                        + ": says the key is not accepted but a request with one answered "
                                        + answer.statusCode()
                                        + " "
                                        + answer.asString());
                    }
                });
        return broken;
    }

    /**
     * Query parameters whose values are a closed set: they must be typed as enums (a dropdown in
     * Swagger UI).
     */
    public static final java.util.Set<String> ENUM_QUERY_PARAMETERS =
            java.util.Set.of(
                    "environment",
                    "status",
                    "state",
                    "include",
                    "kind",
                    "class",
                    "installedOn",
                    "level",
                    "phase");

    private static final java.util.regex.Pattern JAPANESE =
            java.util.regex.Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    private static final java.util.regex.Pattern ENGLISH_WORD =
            java.util.regex.Pattern.compile("[A-Za-z]{2,}");

    /**
     * Walks every operation of the OpenAPI document (#17) and answers, one line each, what a user
     * of Swagger UI would miss (empty = every operation is documented):
     *
     * <ul>
     *   <li>a summary {@code "日本語 / English"}: Japanese first, then " / ", then English;
     *   <li>a description of two paragraphs: Japanese first, then (after a blank line) English;
     *   <li>at least one documented 4xx answer with the {@code application/problem+json} schema;
     *   <li>an example for a JSON or text request body (on the media type, or on the body's
     *       schema);
     *   <li>enum query parameters ({@link #ENUM_QUERY_PARAMETERS}) typed as enums, not as free
     *       strings.
     * </ul>
     */
    @SuppressWarnings("unchecked")
    public static List<String> operationsMissingDocumentation() {
        JsonPath doc = document();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Map<String, Object> schemas = doc.getMap("components.schemas");
        List<String> missing = new ArrayList<>();
        if (paths == null || paths.isEmpty()) {
            missing.add("the OpenAPI document lists no operations at all");
            return missing;
        }
        paths.forEach(
                (path, operations) ->
                        operations.forEach(
                                (method, raw) -> {
                                    if (path.startsWith("/q/")
                                            || !(raw instanceof Map<?, ?>)
                                            || !List.of("get", "put", "post", "delete", "patch")
                                                    .contains(method)) {
                                        return;
                                    }
                                    Map<String, Object> op = (Map<String, Object>) raw;
                                    String name = method.toUpperCase() + " " + path + ": ";
                                    String summary = String.valueOf(op.getOrDefault("summary", ""));
                                    int slash = summary.indexOf(" / ");
                                    if (slash < 0
                                            || !JAPANESE.matcher(summary.substring(0, slash)).find()
                                            || !ENGLISH_WORD
                                                    .matcher(summary.substring(slash + 3))
                                                    .find()) {
                                        missing.add(
                                                name
                                                        + "summary is not \"日本語 / English\": "
                                                        + summary);
                                    }
                                    String description =
                                            String.valueOf(op.getOrDefault("description", ""));
                                    int blank = description.indexOf("\n\n");
                                    if (blank < 0
                                            || !JAPANESE.matcher(description.substring(0, blank))
                                                    .find()
                                            || !ENGLISH_WORD
                                                    .matcher(description.substring(blank + 2))
                                                    .find()) {
                                        missing.add(
                                                name
                                                        + "description is not a Japanese paragraph, a blank line, then an English one");
                                    }
                                    Map<String, Object> responses =
                                            (Map<String, Object>)
                                                    op.getOrDefault("responses", Map.of());
                                    boolean problem =
                                            responses.entrySet().stream()
                                                    .anyMatch(
                                                            e ->
                                                                    e.getKey().startsWith("4")
                                                                            && e.getValue()
                                                                                    instanceof
                                                                                    Map<?, ?> r
                                                                            && r.get("content")
                                                                                    instanceof
                                                                                    Map<?, ?> c
                                                                            && c.containsKey(
                                                                                    "application/problem+json"));
                                    if (!problem) {
                                        missing.add(
                                                name
                                                        + "no 4xx answer documented with the application/problem+json schema");
                                    }
                                    if (op.get("requestBody") instanceof Map<?, ?> body
                                            && body.get("content") instanceof Map<?, ?> content) {
                                        content.forEach(
                                                (type, media) -> {
                                                    String mediaType = String.valueOf(type);
                                                    boolean textual =
                                                            mediaType.contains("json")
                                                                    || mediaType.startsWith(
                                                                            "text/");
                                                    if (textual
                                                            && !hasExample(
                                                                    (Map<String, Object>) media,
                                                                    schemas)) {
                                                        missing.add(
                                                                name
                                                                        + "no example request body for "
                                                                        + mediaType);
                                                    }
                                                });
                                    }
                                    List<Map<String, Object>> parameters =
                                            (List<Map<String, Object>>)
                                                    op.getOrDefault("parameters", List.of());
                                    for (Map<String, Object> parameter : parameters) {
                                        if ("query".equals(parameter.get("in"))
                                                && ENUM_QUERY_PARAMETERS.contains(
                                                        String.valueOf(parameter.get("name")))
                                                && !isEnum(
                                                        (Map<String, Object>)
                                                                parameter.get("schema"),
                                                        schemas)) {
                                            missing.add(
                                                    name
                                                            + "query parameter "
                                                            + parameter.get("name")
                                                            + " is a free string, not an enum");
                                        }
                                    }
                                }));
        return missing;
    }

    @SuppressWarnings("unchecked")
    private static boolean hasExample(Map<String, Object> media, Map<String, Object> schemas) {
        if (media == null) {
            return false;
        }
        if (media.get("example") != null
                || media.get("examples") instanceof Map<?, ?> m && !m.isEmpty()) {
            return true;
        }
        Map<String, Object> schema = resolve((Map<String, Object>) media.get("schema"), schemas);
        return schema != null
                && (schema.get("example") != null
                        || schema.get("examples") instanceof List<?> l && !l.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static boolean isEnum(Map<String, Object> schema, Map<String, Object> schemas) {
        Map<String, Object> resolved = resolve(schema, schemas);
        if (resolved == null) {
            return false;
        }
        if (resolved.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return true;
        }
        if (resolved.get("items") instanceof Map<?, ?> items) {
            return isEnum((Map<String, Object>) items, schemas);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (resolved.get(combinator) instanceof List<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Map<?, ?> p && isEnum((Map<String, Object>) p, schemas)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(
            Map<String, Object> schema, Map<String, Object> schemas) {
        if (schema != null && schema.get("$ref") instanceof String ref && schemas != null) {
            return (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /**
     * Sends the POST with a key under the first token the operation lets through (401/403 → next
     * token).
     */
    @SuppressWarnings("unchecked")
    private static Response postWithKey(String template, Map<String, Object> post) {
        Map<String, Object> content =
                post.get("requestBody") instanceof Map<?, ?> body
                                && body.get("content") instanceof Map<?, ?> c
                        ? (Map<String, Object>) c
                        : Map.of();
        String mediaType = content.isEmpty() ? null : content.keySet().iterator().next();
        List<Supplier<String>> tokens =
                List.of(
                        Tokens::jpoAdmin,
                        () -> Tokens.vendor("vendor-a"),
                        Tokens::supportVendor,
                        () -> Tokens.service("lifecycle"),
                        Tokens::jpoStaff,
                        Tokens::auditor);
        Response last = null;
        for (String value : List.of("1", UUID.randomUUID().toString())) {
            String path = template.replaceAll("\\{[^}]+}", value);
            for (Supplier<String> token : tokens) {
                RequestSpecification request =
                        given().auth()
                                .oauth2(token.get())
                                .header("Idempotency-Key", UUID.randomUUID().toString());
                if (mediaType != null && mediaType.startsWith("multipart/")) {
                    request = request.multiPart("file", "x.txt", "x".getBytes(), "text/plain");
                } else if (mediaType != null) {
                    request =
                            request.contentType(mediaType)
                                    .body(mediaType.contains("json") ? "{}" : "x");
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
