package io.kiban.lifecycle.support;

import io.kiban.commons.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The two leased environments and SHARED (the distribution board, removed with the last
 * environment).
 */
public enum Environment {
    PRODUCTION,
    STAGING,
    SHARED;

    /** Parses a path or query value; an unknown environment is a 400 naming the field. */
    public static Environment parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(
                    field, "is required (one of " + Arrays.toString(values()) + ")");
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(
                    field,
                    "unknown environment '" + value + "'; one of " + Arrays.toString(values()));
        }
    }
}
