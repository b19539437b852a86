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
 * Calls the four services with the signed-in user's own access token (token propagation: the console never
 * uses a token of its own, so each service's roles and organisation checks decide what the user sees and may
 * do). Every call has a time budget; a service that is down or slow yields a {@link Reply} with a Japanese
 * sentence instead of an exception, so the rest of the page still renders.
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
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
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
        return HttpRequest.newBuilder(uri(svc, path)).timeout(config.sectionTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .header("Accept-Language", "ja");
    }

    /** GET {@code path} of {@code svc}, started now; join with {@link #await}. */
    public CompletableFuture<Reply> get(Svc svc, String path) {
        String token = token();
        return send(svc, request(svc, path, token).GET().build());
    }

    /**
     * A decision or another write: POST {@code jsonBody} (or nothing) with {@code If-Match: ifMatch}, waited for.
     */
    public Reply post(Svc svc, String path, String ifMatch, String jsonBody) {
        return post(svc, path, ifMatch, null, jsonBody);
    }

    /** As {@link #post(Svc, String, String, String)}, with an {@code Idempotency-Key} (a retried form files once). */
    public Reply post(Svc svc, String path, String ifMatch, String idempotencyKey, String jsonBody) {
        HttpRequest.Builder b = request(svc, path, token());
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (jsonBody != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            b.POST(HttpRequest.BodyPublishers.noBody());
        }
        return await(send(svc, b.build()), svc);
    }

    /** Many GETs at once: each gets its own budget, so a slow service only costs its own sections. */
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
                .exceptionally(t -> {
                    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
                    LOG.debugf("%s %s: %s", svc.key(), request.uri().getPath(), cause.toString());
                    return Reply.failed(svc, cause instanceof HttpTimeoutException ? Problems.timedOut(svc)
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
        return new Reply(svc, r.statusCode(), body, etag, Problems.message(svc, r.statusCode(), body),
                Json.text(body, "rule"), total);
    }

    /** A download streamed through the console with the user's token (exports, evidence files). */
    public HttpResponse<InputStream> download(Svc svc, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(svc, path)).timeout(config.downloadTimeout())
                .header("Authorization", "Bearer " + token()).header("Accept-Language", "ja").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }
}
