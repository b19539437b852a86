package io.kiban.console.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Calls the four services with the signed-in user's own access token (token propagation: the
 * console never uses a token of its own, so each service's roles and organisation checks decide
 * what the user sees and may do). Every call has a time budget; a service that is down or slow
 * yields a {@link Reply} with a Japanese sentence instead of an exception, so the rest of the page
 * still renders.
 */
@ApplicationScoped
public class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    private final ConsoleConfig config;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final HttpClient http;

    public ServiceCalls(ConsoleConfig config, SecurityIdentity identity, ObjectMapper json) {
        this.config = config;
        this.identity = identity;
        this.json = json;
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(config.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    /** The user's access token, read on the request's thread (the calls may complete on others). */
    public String token() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null) {
            throw new IllegalStateException("no access token in the session");
        }
        return credential.getToken();
    }

    URI uri(Svc svc, String path) {
        String base = config.services().get(svc.key());
        if (base == null) {
            throw new IllegalStateException("kiban.console.services." + svc.key() + " is not set");
        }
        if (!path.startsWith("/") || path.contains("..") || path.contains("//")) {
            throw new IllegalArgumentException("bad service path " + path);
        }
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    private HttpRequest.Builder request(Svc svc, String path, String token) {
        return HttpRequest.newBuilder(uri(svc, path))
                .timeout(config.sectionTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .header("Accept-Language", "ja");
    }

    /** GET {@code path} of {@code svc}, started now; join with {@link #await}. */
    public CompletableFuture<Reply> get(Svc svc, String path) {
        String token = token();
        return send(svc, request(svc, path, token).GET().build());
    }

    /** The largest page the services serve (commons' paging: size ≤ 200). */
    public static final int PAGE_SIZE = 200;

    /**
     * A bound on the pages read for one list (200 × 100 rows), so a misbehaving service cannot hold
     * a page forever.
     */
    static final int MAX_PAGES = 100;

    /**
     * GET every page of a paged list ({@code page}/{@code size} parameters, the total in {@code
     * X-Total-Count}): pages of {@value #PAGE_SIZE} are read until the total is reached, and the
     * answer is one array with all of them (its {@code totalCount} the service's). Without {@code
     * X-Total-Count} the first answer is the whole list. A {@code size}/{@code page} already in
     * {@code path} is replaced. Join with {@link #await}.
     */
    public CompletableFuture<Reply> getAll(Svc svc, String path) {
        String token = token();
        String base = withoutPaging(path);
        String sep = base.contains("?") ? "&" : "?";
        com.fasterxml.jackson.databind.node.ArrayNode rows = json.createArrayNode();
        return page(svc, base + sep, token, 0, rows);
    }

    private CompletableFuture<Reply> page(
            Svc svc,
            String prefix,
            String token,
            int page,
            com.fasterxml.jackson.databind.node.ArrayNode rows) {
        return send(
                        svc,
                        request(svc, prefix + "page=" + page + "&size=" + PAGE_SIZE, token)
                                .GET()
                                .build())
                .thenCompose(
                        r -> {
                            if (!r.ok() || !r.body().isArray()) {
                                return CompletableFuture.completedFuture(r);
                            }
                            rows.addAll((com.fasterxml.jackson.databind.node.ArrayNode) r.body());
                            long total = parseTotal(r.totalCount());
                            boolean more = total >= 0 && rows.size() < total && !r.body().isEmpty();
                            if (more && page + 1 < MAX_PAGES) {
                                return page(svc, prefix, token, page + 1, rows);
                            }
                            return CompletableFuture.completedFuture(
                                    new Reply(
                                            svc,
                                            r.status(),
                                            rows,
                                            r.etag(),
                                            null,
                                            null,
                                            r.totalCount()));
                        });
    }

    static long parseTotal(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code path} without its {@code page} and {@code size} query parameters. */
    static String withoutPaging(String path) {
        int q = path.indexOf('?');
        if (q < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.substring(0, q));
        String sep = "?";
        for (String param : path.substring(q + 1).split("&")) {
            if (param.isEmpty() || param.startsWith("page=") || param.startsWith("size=")) {
                continue;
            }
            out.append(sep).append(param);
            sep = "&";
        }
        return out.toString();
    }

    /**
     * A decision or another write: POST {@code jsonBody} (or nothing) with {@code If-Match:
     * ifMatch}, waited for.
     */
    public Reply post(Svc svc, String path, String ifMatch, String jsonBody) {
        return post(svc, path, ifMatch, null, jsonBody);
    }

    /**
     * As {@link #post(Svc, String, String, String)}, with an {@code Idempotency-Key} (a retried
     * form files once).
     */
    public Reply post(
            Svc svc, String path, String ifMatch, String idempotencyKey, String jsonBody) {
        HttpRequest.Builder b = request(svc, path, token());
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (jsonBody != null) {
            b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            b.POST(HttpRequest.BodyPublishers.noBody());
        }
        return await(send(svc, b.build()), svc);
    }

    /**
     * A file upload as {@code multipart/form-data} with one part {@code file} (the service checks
     * the type by content), with an {@code Idempotency-Key}; waited for with the download budget
     * (files may be large).
     */
    public Reply upload(
            Svc svc,
            String path,
            String idempotencyKey,
            String fileName,
            String contentType,
            java.nio.file.Path file)
            throws IOException {
        String boundary = "kiban-" + java.util.UUID.randomUUID();
        String safeName =
                fileName == null || fileName.isBlank()
                        ? "file"
                        : fileName.replaceAll("[\\r\\n\"]", "_");
        byte[] head =
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + safeName
                                + "\"\r\nContent-Type: "
                                + (contentType == null || contentType.isBlank()
                                        ? "application/octet-stream"
                                        : contentType.replaceAll("[\\r\\n]", ""))
                                + "\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail =
                ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri(svc, path))
                        .timeout(config.downloadTimeout())
                        .header("Authorization", "Bearer " + token())
                        .header("Accept", "application/json, application/problem+json")
                        .header("Accept-Language", "ja")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.concat(
                                        HttpRequest.BodyPublishers.ofByteArray(head),
                                        HttpRequest.BodyPublishers.ofFile(file),
                                        HttpRequest.BodyPublishers.ofByteArray(tail)));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return toReply(svc, http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (HttpTimeoutException e) {
            return Reply.failed(svc, Problems.timedOut(svc));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.failed(svc, Problems.timedOut(svc));
        } catch (IOException e) {
            return Reply.failed(svc, Problems.unreachable(svc));
        }
    }

    /**
     * Many GETs at once: each gets its own budget, so a slow service only costs its own sections.
     */
    public Reply await(CompletableFuture<Reply> call, Svc svc) {
        try {
            return call.get(config.sectionTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return Reply.failed(svc, Problems.timedOut(svc));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.failed(svc, Problems.timedOut(svc));
        } catch (ExecutionException e) {
            return Reply.failed(svc, Problems.unreachable(svc));
        }
    }

    private CompletableFuture<Reply> send(Svc svc, HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> toReply(svc, r))
                .exceptionally(
                        t -> {
                            Throwable cause =
                                    t instanceof CompletionException && t.getCause() != null
                                            ? t.getCause()
                                            : t;
                            LOG.debugf(
                                    "%s %s: %s",
                                    svc.key(), request.uri().getPath(), cause.toString());
                            return Reply.failed(
                                    svc,
                                    cause instanceof HttpTimeoutException
                                            ? Problems.timedOut(svc)
                                            : Problems.unreachable(svc));
                        });
    }

    private Reply toReply(Svc svc, HttpResponse<byte[]> r) {
        JsonNode body = MissingNode.getInstance();
        byte[] bytes = r.body();
        if (bytes != null && bytes.length > 0) {
            try {
                body = json.readTree(bytes);
            } catch (IOException e) {
                body = MissingNode.getInstance();
            }
        }
        String etag = r.headers().firstValue("ETag").orElse(null);
        String total = r.headers().firstValue("X-Total-Count").orElse(null);
        if (r.statusCode() >= 200 && r.statusCode() < 300) {
            return new Reply(svc, r.statusCode(), body, etag, null, null, total);
        }
        return new Reply(
                svc,
                r.statusCode(),
                body,
                etag,
                Problems.message(svc, r.statusCode(), body),
                Json.text(body, "rule"),
                total);
    }

    /** A download streamed through the console with the user's token (exports, evidence files). */
    public HttpResponse<InputStream> download(Svc svc, String path)
            throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(uri(svc, path))
                        .timeout(config.downloadTimeout())
                        .header("Authorization", "Bearer " + token())
                        .header("Accept-Language", "ja")
                        .GET()
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }
}
