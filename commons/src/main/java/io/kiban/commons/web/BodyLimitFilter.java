package io.kiban.commons.web;

import io.kiban.commons.problem.BodyTooLargeException;
import io.kiban.commons.problem.ProblemMappers;
import io.kiban.commons.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * 413 for a body above the endpoint's limit. With a Content-Length, decided before anything is
 * read. Without one (chunked transfer, #15 item 10): a JSON or other streamed body is counted while
 * it is read and the read fails with 413 at the first byte over the limit; a multipart or form body
 * (parsed by the server before the method runs) is measured once parsed and refused with 413 before
 * the method sees it.
 */
public class BodyLimitFilter {

    private static final MemorySizeConverter SIZES = new MemorySizeConverter();

    private final MemorySize maxJsonBody;

    public BodyLimitFilter(
            @ConfigProperty(name = "kiban.http.max-json-body", defaultValue = "1M")
                    MemorySize maxJsonBody) {
        this.maxJsonBody = maxJsonBody;
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, ResourceInfo resource) {
        int length = request.getLength();
        long limit = limitFor(resource.getResourceMethod());
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (length < 0) {
            if (streamed(request) && !form(request.getMediaType())) {
                request.setEntityStream(new Limited(request.getEntityStream(), limit, path));
            }
            return Optional.empty();
        }
        if (length > limit) {
            return Optional.of(
                    tooLarge(
                            "the body has "
                                    + length
                                    + " bytes; this endpoint accepts at most "
                                    + limit,
                            path,
                            length,
                            limit));
        }
        return Optional.empty();
    }

    /**
     * A chunked multipart/form body: parsed (to temporary files) by the server, measured here
     * before the method.
     */
    @ServerRequestFilter(readBody = true)
    public Optional<Response> limitParsedForm(
            ContainerRequestContext request, ResourceInfo resource, HttpServerRequest vertx) {
        if (request.getLength() >= 0 || !form(request.getMediaType()) || !streamed(request)) {
            return Optional.empty();
        }
        long limit = limitFor(resource.getResourceMethod());
        long read = vertx.bytesRead();
        if (read > limit) {
            return Optional.of(
                    tooLarge(
                            "the chunked body has "
                                    + read
                                    + " bytes; this endpoint accepts at most "
                                    + limit,
                            request.getUriInfo().getRequestUri().getRawPath(),
                            read,
                            limit));
        }
        return Optional.empty();
    }

    private static boolean streamed(ContainerRequestContext request) {
        String te = request.getHeaderString("Transfer-Encoding");
        return te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private static boolean form(MediaType type) {
        return type != null
                && ("multipart".equalsIgnoreCase(type.getType())
                        || MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type));
    }

    private static Response tooLarge(String detail, String path, long size, long limit) {
        return ProblemMappers.response(
                ProblemType.PAYLOAD_TOO_LARGE,
                detail,
                path,
                io.kiban.commons.problem.ProblemMessage.of("detail.body-too-large", size, limit));
    }

    private long limitFor(Method method) {
        BodyLimit annotation = method == null ? null : method.getAnnotation(BodyLimit.class);
        if (annotation == null) {
            return maxJsonBody.asLongValue();
        }
        String value =
                ConfigProvider.getConfig()
                        .getOptionalValue(annotation.property(), String.class)
                        .orElse(annotation.defaultValue());
        return SIZES.convert(value).asLongValue();
    }

    /**
     * Counts the bytes of a chunked body as they are read; the first byte over the limit ends the
     * read with 413.
     */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private final String path;
        private long count;

        Limited(InputStream in, long limit, String path) {
            super(in);
            this.limit = limit;
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }

        private void add(long n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(
                        "the chunked body passed "
                                + limit
                                + " bytes, the most this endpoint accepts; reading stopped there",
                        limit);
            }
        }
    }
}
