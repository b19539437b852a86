package io.kiban.maintenance.evidence;

/** Who issued the certificate: the vendor itself, or an industrial-waste contractor (R-MT-4). */
public enum Issuer {
    VENDOR,
    CONTRACTOR
}
