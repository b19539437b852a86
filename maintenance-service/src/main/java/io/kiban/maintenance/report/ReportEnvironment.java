package io.kiban.maintenance.report;

/**
 * The environments a destruction report can be asked for (a closed set: a dropdown in Swagger UI,
 * 400 otherwise).
 */
public enum ReportEnvironment {
    PRODUCTION,
    STAGING,
    SHARED
}
