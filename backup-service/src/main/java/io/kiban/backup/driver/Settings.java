package io.kiban.backup.driver;

import io.kiban.commons.problem.Problem;
import java.util.List;
import java.util.Map;

/** Typed reads of a driver's settings map, and the checks drivers share. */
public final class Settings {

    private Settings() {}

    public static String string(Map<String, Object> settings, String key, String fallback) {
        Object v = settings.get(key);
        return v == null ? fallback : v.toString();
    }

    public static long number(Map<String, Object> settings, String key, long fallback) {
        Object v = settings.get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v == null ? fallback : Long.parseLong(v.toString());
    }

    @SuppressWarnings("unchecked")
    public static List<String> strings(Map<String, Object> settings, String key) {
        Object v = settings.get(key);
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(v.toString());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> settings, String key) {
        Object v = settings.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public static void requireString(
            Map<String, Object> s, String key, List<Problem.FieldError> errors) {
        Object v = s.get(key);
        if (!(v instanceof String str) || str.isBlank()) {
            errors.add(
                    new Problem.FieldError(
                            "driverSettings." + key, "is required (a non-empty string)"));
        }
    }

    public static void optionalPositive(
            Map<String, Object> s, String key, List<Problem.FieldError> errors) {
        Object v = s.get(key);
        if (v != null && (!(v instanceof Number n) || n.longValue() <= 0)) {
            errors.add(
                    new Problem.FieldError("driverSettings." + key, "must be a positive number"));
        }
    }
}
