package io.kiban.commons.client;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a REST client interface, next to {@code @RegisterRestClient} and {@code @OidcClientFilter}:
 * the one pattern of a call from one Kiban service to another (#19). With the connect and read
 * timeouts every client configures ({@code
 * quarkus.rest-client.<key>.connect-timeout/read-timeout}), {@link ServiceCallInterceptor} gives
 * each call:
 *
 * <ul>
 *   <li>the service token: a call answered 401 is made once more with a fresh client-credentials
 *       token (#15 item 12; {@code quarkus.rest-client-oidc-filter.refresh-on-unauthorized=true}, a
 *       commons default, marks the cached one stale); a second 401 is passed on;
 *   <li>one retry of a {@code GET} (safe and idempotent) that could not connect or was answered
 *       502/503/504, after {@code kiban.service-calls.retry-delay}; never of a write: those carry
 *       their own Idempotency-Key where they are retried;
 *   <li>a circuit breaker per client interface: after {@code kiban.service-calls.breaker.failures}
 *       calls in a row failed (no connection, a timeout, a 5xx), calls fail at once for {@code
 *       kiban.service-calls.breaker.open-for} with {@link CircuitOpenException} (a {@code
 *       ProcessingException}, which callers already answer as "unavailable", 503), then one trial
 *       call is let through: its success closes the breaker, its failure opens it again.
 * </ul>
 *
 * <p>The same behaviour SmallRye Fault Tolerance's
 * {@code @Timeout}/{@code @Retry}/{@code @CircuitBreaker} would give, within the fixed stack, which
 * does not include that extension. Synchronous methods only.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ServiceCall {}
