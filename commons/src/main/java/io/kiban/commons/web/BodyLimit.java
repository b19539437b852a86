package io.kiban.commons.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body this endpoint accepts, read from the configuration property {@link
 * #property()} (a size such as {@code 20M}), else {@link #defaultValue()}. Endpoints without it
 * accept at most {@code kiban.http.max-json-body} (default 1M).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {
    String property();

    String defaultValue();
}
