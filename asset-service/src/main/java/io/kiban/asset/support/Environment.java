package io.kiban.asset.support;

/**
 * The two leased environments, and SHARED for the one distribution board used by both (DOMAIN.md
 * §3).
 */
public enum Environment {
    PRODUCTION,
    STAGING,
    SHARED
}
