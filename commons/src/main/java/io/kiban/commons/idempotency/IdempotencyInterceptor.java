package io.kiban.commons.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.json.CanonicalJson;
import io.kiban.commons.json.Hashes;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final List<String> KEPT_HEADERS = List.of("Location", "ETag");

    private final HttpHeaders headers;
    private final UriInfo uriInfo;
    private final Caller caller;
    private final IdempotencyStore store;
    private final ObjectMapper json;

    public IdempotencyInterceptor(
            HttpHeaders headers,
            UriInfo uriInfo,
            Caller caller,
            IdempotencyStore store,
            ObjectMapper json) {
        this.headers = headers;
        this.uriInfo = uriInfo;
        this.caller = caller;
        this.store = store;
        this.json = json;
    }

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        String key = headers.getHeaderString(HEADER);
        if (key == null) {
            return ctx.proceed();
        }
        if (key.isBlank() || key.length() > 255) {
            throw ProblemException.badField(HEADER, "must be 1 to 255 characters")
                    .withMessage("detail.idempotency-key-length");
        }
        String requestHash = requestHash(ctx);
        // #16 §3: claim, business change and stored response in one transaction; a rollback frees
        // the key
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            IdempotencyStore.Claim claim =
                                    store.claimInTransaction(caller.id(), key, requestHash);
                            if (claim.isReplay()) {
                                return replay(ctx.getMethod(), claim.replay());
                            }
                            Object result = ctx.proceed();
                            store.complete(claim, toStored(result));
                            return result;
                        });
    }

    private String requestHash(InvocationContext ctx) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put(
                "method",
                ctx.getMethod().getDeclaringClass().getName() + "#" + ctx.getMethod().getName());
        request.put("path", uriInfo.getPath());
        List<Object> arguments = new ArrayList<>();
        for (Object p : ctx.getParameters()) {
            arguments.add(fingerprint(p));
        }
        request.put("arguments", arguments);
        return CanonicalJson.sha256(request);
    }

    private static Object fingerprint(Object p) {
        if (p == null || p instanceof UriInfo || p instanceof HttpHeaders) {
            return null;
        }
        if (p instanceof FileUpload upload) {
            return Map.of(
                    "file",
                    sha256(upload.uploadedFile()),
                    "name",
                    String.valueOf(upload.fileName()));
        }
        if (p instanceof java.nio.file.Path path) {
            return Map.of("file", sha256(path));
        }
        if (p instanceof java.io.File file) {
            return Map.of("file", sha256(file.toPath()));
        }
        if (p instanceof InputStream) {
            throw new IllegalStateException(
                    "@Idempotent cannot fingerprint a raw InputStream parameter");
        }
        return p;
    }

    private static String sha256(java.nio.file.Path path) {
        MessageDigest digest = Hashes.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private IdempotencyStore.StoredResponse toStored(Object result) throws JsonProcessingException {
        int status;
        Object entity;
        Map<String, String> kept = new LinkedHashMap<>();
        if (result instanceof RestResponse<?> rr) {
            status = rr.getStatus();
            entity = rr.getEntity();
            KEPT_HEADERS.forEach(
                    h -> {
                        if (rr.getHeaderString(h) != null) {
                            kept.put(h, rr.getHeaderString(h));
                        }
                    });
        } else if (result instanceof Response r) {
            status = r.getStatus();
            entity = r.getEntity();
            KEPT_HEADERS.forEach(
                    h -> {
                        if (r.getHeaderString(h) != null) {
                            kept.put(h, r.getHeaderString(h));
                        }
                    });
        } else {
            status = result == null ? 204 : 200;
            entity = result;
        }
        String body = entity == null ? null : json.writeValueAsString(entity);
        return new IdempotencyStore.StoredResponse(
                status,
                entity == null ? null : MediaType.APPLICATION_JSON,
                json.writeValueAsString(kept),
                body);
    }

    private Object replay(Method method, IdempotencyStore.StoredResponse stored)
            throws IOException {
        Map<String, String> kept =
                stored.headers() == null
                        ? Map.of()
                        : json.readValue(
                                stored.headers(), new TypeReference<Map<String, String>>() {});
        if (RestResponse.class.isAssignableFrom(method.getReturnType())) {
            RestResponse.ResponseBuilder<Object> builder =
                    RestResponse.ResponseBuilder.create(stored.status())
                            .header(REPLAYED_HEADER, "true");
            kept.forEach(builder::header);
            if (stored.body() != null) {
                builder.entity(stored.body()).type(stored.contentType());
            }
            return builder.build();
        }
        if (Response.class.isAssignableFrom(method.getReturnType())) {
            Response.ResponseBuilder builder =
                    Response.status(stored.status()).header(REPLAYED_HEADER, "true");
            kept.forEach(builder::header);
            if (stored.body() != null) {
                builder.entity(stored.body()).type(stored.contentType());
            }
            return builder.build();
        }
        throw new IllegalStateException(
                "@Idempotent method " + method + " must return RestResponse or Response");
    }
}
