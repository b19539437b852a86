package io.kiban.maintenance.support;

/**
 * The two leased environments, and SHARED for the one distribution board both use (DOMAIN.md §3),
 * as asset-service and lifecycle-service name them. Typed so that a query parameter is a dropdown
 * in Swagger UI and an unknown value is a 400 naming the allowed ones (commons'
 * EnumParamConverterProvider); the xlsx exports write the Japanese word (本番環境, 検証環境, 共用環境) through
 * {@code EnumLabels}.
 */
public enum Environment {
    PRODUCTION,
    STAGING,
    SHARED;

    /**
     * The environment a stored text names, or null for none/an unknown one (older rows,
     * asset-service's words).
     */
    public static Environment ofNullable(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (Environment e : values()) {
            if (e.name().equalsIgnoreCase(text.strip())) {
                return e;
            }
        }
        return null;
    }
}
