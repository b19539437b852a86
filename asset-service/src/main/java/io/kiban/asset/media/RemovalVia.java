package io.kiban.asset.media;

/**
 * The recorded ways a medium may leave its hardware (issue 13 hole 2): a maintenance part swap, or
 * a sanitization order of maintenance-service — both create custody there. Both are service-role
 * calls.
 */
public enum RemovalVia {
    REPLACEMENT,
    SANITIZATION_ORDER
}
