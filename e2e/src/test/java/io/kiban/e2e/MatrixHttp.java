package io.kiban.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plain HTTP for the authorization matrix: one request, its status and body; tokens cached per
 * caller.
 */
final class MatrixHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    record Response(
            int status, String body, java.util.Map<String, java.util.List<String>> headers) {
        Response(int status, String body) {
            this(status, body, java.util.Map.of());
        }

        /** The first value of a response header (case-insensitive), or null. */
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** A request body with its content type. */
    record Body(String contentType, byte[] bytes) {
        static Body json(Object value) {
            try {
                return new Body(
                        "application/json",
                        value instanceof String s
                                ? s.getBytes(StandardCharsets.UTF_8)
                                : JSON.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Body raw(String contentType, byte[] bytes) {
            return new Body(contentType, bytes);
        }

        /**
         * multipart/form-data with one part named {@code name} (a file when {@code fileName} is
         * set).
         */
        static Body multipart(String name, String fileName, String partType, byte[] content) {
            String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String head =
                    "--"
                            + boundary
                            + "\r\nContent-Disposition: form-data; name=\""
                            + name
                            + "\""
                            + (fileName == null ? "" : "; filename=\"" + fileName + "\"")
                            + "\r\nContent-Type: "
                            + partType
                            + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
    private final Map<String, String> serviceTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> serviceTokenUntil = new ConcurrentHashMap<>();

    HttpClient client() {
        return http;
    }

    /**
     * The access token of a demo user, or of a service's client ("service:lifecycle"); null =
     * anonymous.
     */
    String token(String who) {
        if (who == null) {
            return null;
        }
        if (who.startsWith("service:")) {
            Instant until = serviceTokenUntil.get(who);
            if (until == null || Instant.now().isAfter(until)) {
                serviceTokens.put(who, Tokens.service(who.substring("service:".length())));
                serviceTokenUntil.put(who, Instant.now().plusSeconds(60));
            }
            return serviceTokens.get(who);
        }
        return Tokens.of(who);
    }

    /** Without Idempotency-Key (the matrix's fixtures). */
    Response send(String method, String url, String who, Body body) {
        return send(method, url, who, body, false);
    }

    /**
     * {@code idempotencyKey}: a fresh Idempotency-Key on a POST (only where the operation honours
     * one).
     */
    Response send(String method, String url, String who, Body body, boolean idempotencyKey) {
        return send(method, url, who, body, idempotencyKey, null);
    }

    /** {@code ifMatch}: the If-Match header to send (null: none). */
    Response send(
            String method,
            String url,
            String who,
            Body body,
            boolean idempotencyKey,
            String ifMatch) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .header("Accept", "*/*");
        String token = token(who);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (idempotencyKey && method.equals("POST")) {
            b.header("Idempotency-Key", "matrix-" + UUID.randomUUID());
        }
        if (body != null) {
            b.header("Content-Type", body.contentType());
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        } else {
            b.method(
                    method,
                    method.equals("POST") || method.equals("PUT")
                            ? HttpRequest.BodyPublishers.ofByteArray(new byte[0])
                            : HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> res =
                    http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(res.body(), StandardCharsets.UTF_8);
            return new Response(res.statusCode(), text, res.headers().map());
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, e.toString());
        }
    }
}
