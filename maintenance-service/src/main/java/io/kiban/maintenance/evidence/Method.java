package io.kiban.maintenance.evidence;

/** NIST SP 800-88 sanitization categories. CLEAR is never enough here (R-MT-5). */
public enum Method {
    DESTROY,
    PURGE,
    CLEAR
}
