package io.kiban.commons.client;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a REST client interface (next to {@code @OidcClientFilter}): a call answered 401 is made once
 * more, with a fresh client-credentials token (#15 item 12). The OIDC client filter fetches that
 * token because {@code quarkus.rest-client-oidc-filter.refresh-on-unauthorized=true} (a commons
 * default) marks the cached one stale on the 401. A second 401 is passed on to the caller.
 * Synchronous methods only.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryOnceOnUnauthorized {}
