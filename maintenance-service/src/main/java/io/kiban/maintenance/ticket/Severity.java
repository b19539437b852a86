package io.kiban.maintenance.ticket;

/**
 * S1 = service down … S4 = cosmetic. Response and restoration targets per severity are
 * configuration.
 */
public enum Severity {
    S1,
    S2,
    S3,
    S4
}
