package io.kiban.commons.security;

/** The realm roles of DOMAIN.md §8. */
public final class Roles {
    public static final String JPO_ADMIN = "jpo-admin";
    public static final String JPO_STAFF = "jpo-staff";
    public static final String VENDOR = "vendor";
    public static final String SUPPORT_VENDOR = "support-vendor";
    public static final String AUDITOR = "auditor";
    public static final String SERVICE = "service";

    /** R-SEC-1: held by people on the JPO-approved list of information handlers. */
    public static final String APPROVED_HANDLER = "approved-handler";

    private Roles() {}
}
