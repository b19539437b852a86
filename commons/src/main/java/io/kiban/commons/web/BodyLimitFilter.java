package io.kiban.commons.web;

import io.kiban.commons.problem.ProblemMappers;
import io.kiban.commons.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** 413 for a body above the endpoint's limit, decided from Content-Length before anything is read. */
public class BodyLimitFilter {

    private static final MemorySizeConverter SIZES = new MemorySizeConverter();

    private final MemorySize maxJsonBody;

    public BodyLimitFilter(@ConfigProperty(name = "kiban.http.max-json-body", defaultValue = "1M") MemorySize maxJsonBody) {
        this.maxJsonBody = maxJsonBody;
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, ResourceInfo resource) {
        int length = request.getLength();
        if (length < 0) {
            return Optional.empty();
        }
        long limit = limitFor(resource.getResourceMethod());
        if (length > limit) {
            return Optional.of(ProblemMappers.response(ProblemType.PAYLOAD_TOO_LARGE,
                    "the body has " + length + " bytes; this endpoint accepts at most " + limit,
                    request.getUriInfo().getRequestUri().getRawPath()));
        }
        return Optional.empty();
    }

    private long limitFor(Method method) {
        BodyLimit annotation = method == null ? null : method.getAnnotation(BodyLimit.class);
        if (annotation == null) {
            return maxJsonBody.asLongValue();
        }
        String value = ConfigProvider.getConfig().getOptionalValue(annotation.property(), String.class)
                .orElse(annotation.defaultValue());
        return SIZES.convert(value).asLongValue();
    }
}
