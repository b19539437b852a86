package io.kiban.maintenance.support;

import io.kiban.commons.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/** Query parameters parsed here so that a bad value is a 400 naming the parameter (JAX-RS would say 404). */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badField(name, "must be true or false");
        };
    }
}
