package io.kiban.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's OpenAPI document as the running service publishes it ({@code
 * /q/openapi?format=json}): the operations it has (for the matrix's completeness check) and, per
 * operation, the request body it takes — from which {@link #validBody} builds a body that passes
 * bean validation (required fields only, first enum value, a date for dates), so that a caller the
 * code refuses after validation is refused for its identity, not for its body.
 */
final class MatrixOpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    final String service;
    final JsonNode doc;

    private MatrixOpenApi(String service, JsonNode doc) {
        this.service = service;
        this.doc = doc;
    }

    static MatrixOpenApi load(HttpClient http, String service, String baseUrl) {
        try {
            HttpRequest req =
                    HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/json")
                            .GET()
                            .build();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                throw new IllegalStateException(
                        service + ": GET /q/openapi answered " + res.statusCode());
            }
            return new MatrixOpenApi(service, JSON.readTree(res.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** "METHOD /path/{template}" of every operation outside /q. */
    Set<String> operations() {
        Set<String> ops = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getKey().startsWith("/q/") || path.getKey().equals("/q")) {
                continue;
            }
            for (String m : METHODS) {
                if (path.getValue().has(m)) {
                    ops.add(m.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return ops;
    }

    /**
     * Whether the operation documents the header {@code Idempotency-Key} (#13 hole 7: a POST that
     * does not honour it answers 400 to a request carrying it).
     */
    boolean honoursIdempotencyKey(String method, String path) {
        for (JsonNode p :
                doc.path("paths").path(path).path(method.toLowerCase()).path("parameters")) {
            if ("header".equals(p.path("in").asText())
                    && "Idempotency-Key".equalsIgnoreCase(p.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the operation takes the header If-Match (a decision on the version read). */
    boolean takesIfMatch(String method, String path) {
        for (JsonNode p :
                doc.path("paths").path(path).path(method.toLowerCase()).path("parameters")) {
            if ("header".equals(p.path("in").asText())
                    && "If-Match".equalsIgnoreCase(p.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The content types of the operation's request body (empty: it takes none). */
    Set<String> bodyTypes(String method, String path) {
        Set<String> types = new LinkedHashSet<>();
        doc.path("paths")
                .path(path)
                .path(method.toLowerCase())
                .path("requestBody")
                .path("content")
                .fieldNames()
                .forEachRemaining(types::add);
        return types;
    }

    /** A JSON body that satisfies the operation's schema (null when it takes no JSON). */
    JsonNode validBody(String method, String path) {
        JsonNode schema =
                doc.path("paths")
                        .path(path)
                        .path(method.toLowerCase())
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
        return schema.isMissingNode() ? null : sample(schema, 0);
    }

    /** A body for a named component schema (fixtures start from it and set what matters). */
    ObjectNode sampleOf(String component) {
        return (ObjectNode) sample(doc.path("components").path("schemas").path(component), 0);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            s =
                    doc.path("components")
                            .path("schemas")
                            .path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(s.get("allOf").get(0));
        }
        return s;
    }

    private JsonNode sample(JsonNode raw, int depth) {
        JsonNode s = resolve(raw);
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        switch (type) {
            case "object":
                {
                    ObjectNode o = f.objectNode();
                    if (depth > 6) {
                        return o;
                    }
                    for (JsonNode req : s.path("required")) {
                        JsonNode prop = s.path("properties").path(req.asText());
                        o.set(
                                req.asText(),
                                prop.isMissingNode() ? f.textNode("x") : sample(prop, depth + 1));
                        if (req.asText().toLowerCase(java.util.Locale.ROOT).contains("birth")) {
                            // a date that is @Past whatever the clock (R-SEC-1 handler entries)
                            o.put(req.asText(), "1985-04-01");
                        }
                    }
                    return o;
                }
            case "array":
                {
                    ArrayNode a = f.arrayNode();
                    int min = Math.max(1, s.path("minItems").asInt(1));
                    for (int i = 0; i < min; i++) {
                        a.add(sample(s.path("items"), depth + 1));
                    }
                    return a;
                }
            case "integer":
                return f.numberNode(Math.max(1, s.path("minimum").asLong(1)));
            case "number":
                return f.numberNode(Math.max(1, s.path("minimum").asLong(1)));
            case "boolean":
                return f.booleanNode(false);
            default:
                {
                    String format = s.path("format").asText("");
                    if (format.equals("date")) {
                        return f.textNode("2027-08-01");
                    }
                    if (format.equals("date-time")) {
                        return f.textNode("2027-08-01T00:00:00Z");
                    }
                    if (format.equals("uuid")) {
                        return f.textNode("00000000-0000-0000-0000-000000000001");
                    }
                    int min = s.path("minLength").asInt(1);
                    return f.textNode("x".repeat(Math.max(1, min)));
                }
        }
    }
}
