package io.kiban.commons.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST that honours {@code Idempotency-Key}: the same key with the same request (same
 * caller) replays the stored response; with another request → 422; while the first is still in
 * flight → 409. The method must return {@code RestResponse} or {@code Response}; it runs in one
 * transaction together with the claim of the key and the storing of its response (#16 §3), so a
 * retry never repeats a committed write and a failed request leaves no claim behind.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {}
