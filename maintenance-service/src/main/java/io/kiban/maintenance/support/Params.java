package io.kiban.maintenance.support;

import io.kiban.commons.problem.ProblemException;
import java.util.Locale;

/**
 * Query parameters parsed here so that a bad value is a 400 naming the parameter (JAX-RS would say
 * 404). Enum parameters are typed as their enum instead (#17: a dropdown in Swagger UI; commons'
 * EnumParamConverterProvider answers 400 naming the allowed values).
 */
public final class Params {

    private Params() {}

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
