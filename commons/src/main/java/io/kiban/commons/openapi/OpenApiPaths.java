package io.kiban.commons.openapi;

/** The one form of a JAX-RS path the OpenAPI filters compare (#19: was written in two filters). */
public final class OpenApiPaths {

    private OpenApiPaths() {}

    /** {@code /a//{id: [0-9]+}/} → {@code /a/{id}}: the form the OpenAPI document uses. */
    public static String normalise(String path) {
        String p = path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
