package io.kiban.commons.idempotency;

import io.kiban.commons.problem.ProblemMappers;
import io.kiban.commons.problem.ProblemType;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A POST that carries {@code Idempotency-Key} to an operation that does not honour it (no {@link
 * Idempotent}) answers 400 instead of silently ignoring the key: a client that retries such a POST
 * believing it safe would otherwise create a second row (#13 hole 7). Runs right after the request
 * is matched and authenticated, before the body is read or validated.
 */
public class IdempotencyKeyFilter {

    /**
     * The sentence the OpenAPI document and the 400 use for an operation that does not accept a
     * key.
     */
    public static final String NOT_ACCEPTED = "Idempotency-Key is not accepted";

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public Optional<Response> refuseUnhonouredKey(
            ContainerRequestContext request, ResourceInfo resource) {
        if (!HttpMethod.POST.equals(request.getMethod())
                || request.getHeaderString(IdempotencyInterceptor.HEADER) == null) {
            return Optional.empty();
        }
        Method method = resource.getResourceMethod();
        if (method == null || honours(method, resource.getResourceClass())) {
            return Optional.empty();
        }
        return Optional.of(
                ProblemMappers.response(
                        ProblemType.BAD_REQUEST,
                        "this operation does not accept Idempotency-Key: it does not replay a stored answer, so the key"
                                + " would not make a retry safe; send the request without the header",
                        request.getUriInfo().getRequestUri().getRawPath(),
                        io.kiban.commons.problem.ProblemMessage.of(
                                "detail.idempotency-not-accepted")));
    }

    static boolean honours(Method method, Class<?> resourceClass) {
        return method.isAnnotationPresent(Idempotent.class)
                || (resourceClass != null && resourceClass.isAnnotationPresent(Idempotent.class))
                || method.getDeclaringClass().isAnnotationPresent(Idempotent.class);
    }
}
