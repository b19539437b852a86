package io.kiban.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the reliability drills share: a plain JDK HTTP client (per-request timeouts, no retries of
 * its own, a failed connection is an answer too), JSON, paging through a list, and the drill
 * length.
 */
final class DrillKit {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    private DrillKit() {}

    /** The length of a drill: -De2e.drill.seconds (60 in the test command, 300 in the bench). */
    static int seconds() {
        return Integer.getInteger("e2e.drill.seconds", 60);
    }

    /** A short random tag, so that a drill's records are told apart from everything else. */
    static String runId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
    }

    /**
     * An answer: {@code status} −1 when nothing answered in time ({@code error} says what
     * happened).
     */
    record Reply(
            int status,
            String contentType,
            String body,
            HttpResponse<String> response,
            String error) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean answered() {
            return status > 0;
        }

        boolean problemJson() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status > 0
                    ? status
                            + " "
                            + (body == null
                                    ? ""
                                    : body.length() > 300 ? body.substring(0, 300) : body)
                    : "no answer: " + error;
        }
    }

    static Reply call(
            String method,
            String baseUrl,
            String path,
            String token,
            Object body,
            Map<String, String> headers,
            Duration timeout) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(timeout)
                        .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                b.header("Content-Type", "application/json")
                        .method(
                                method,
                                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(null),
                    r.body(),
                    r,
                    null);
        } catch (IOException e) {
            return new Reply(
                    -1, null, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, null, null, null, "interrupted");
        }
    }

    static Reply get(String user, String baseUrl, String path) {
        return call("GET", baseUrl, path, Tokens.of(user), null, Map.of(), Duration.ofSeconds(30));
    }

    static Reply post(String user, String baseUrl, String path, Object body) {
        return call("POST", baseUrl, path, Tokens.of(user), body, Map.of(), Duration.ofSeconds(30));
    }

    /** Every item of a paged list ({@code path} may carry a query already), 200 a page. */
    static List<JsonNode> listAll(String user, String baseUrl, String path) {
        List<JsonNode> all = new ArrayList<>();
        String sep = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            Reply r = get(user, baseUrl, path + sep + "size=200&page=" + page);
            if (r.status() != 200) {
                throw new AssertionError("GET " + path + " page " + page + ": " + r);
            }
            JsonNode items = r.json();
            items.forEach(all::add);
            String total = r.header("X-Total-Count");
            if (items.size() < 200 || (total != null && all.size() >= Long.parseLong(total))) {
                return all;
            }
        }
    }

    /**
     * A hardware item registered by {@code user} in asset-service: tickets and targets need one.
     * The story may have ended the use of an environment by now, so the environments are tried in
     * turn.
     */
    static JsonNode createHardware(String user, String name, String hardwareClass) {
        List<String> refused = new ArrayList<>();
        for (String env : List.of("PRODUCTION", "SHARED", "STAGING")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("hardwareClass", hardwareClass);
            body.put("serialNumber", "SN-" + name + "-" + env);
            body.put("environment", env);
            body.put("condition", "NEW");
            Reply r = post(user, Suite.get().url("asset"), "/hardware", body);
            if (r.status() == 201 || r.status() == 200) {
                return r.json();
            }
            refused.add(env + ": " + r);
        }
        throw new AssertionError("could not register hardware " + name + ": " + refused);
    }

    /** Polls {@code condition} every {@code every} until it holds or {@code timeout} passes. */
    static boolean await(
            Duration timeout, Duration every, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Suite.sleep(every.toMillis());
        }
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
