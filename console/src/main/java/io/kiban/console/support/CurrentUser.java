package io.kiban.console.support;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in person as the console needs them: name, organisation and roles (from the access
 * token, the same token the services judge), what the pages may offer, and the CSRF token of their
 * forms.
 */
@RequestScoped
@io.quarkus.qute.TemplateData
public class CurrentUser {

    public static final String JPO_ADMIN = "jpo-admin";
    public static final String JPO_STAFF = "jpo-staff";
    public static final String AUDITOR = "auditor";
    public static final String VENDOR = "vendor";
    public static final String SUPPORT_VENDOR = "support-vendor";

    private final SecurityIdentity identity;
    private final JsonWebToken idToken;
    private final ConsoleConfig config;

    public CurrentUser(SecurityIdentity identity, JsonWebToken idToken, ConsoleConfig config) {
        this.identity = identity;
        this.idToken = idToken;
        this.config = config;
    }

    public String getName() {
        String name = idToken.getClaim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public String getOrganisation() {
        Object org = idToken.getClaim("org");
        return org == null ? "" : org.toString();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean isJpoAdmin() {
        return has(JPO_ADMIN);
    }

    public boolean isVendor() {
        return has(VENDOR) || has(SUPPORT_VENDOR);
    }

    /** jpo-admin and the auditor read the audit trail; the export is theirs too. */
    public boolean isAuditReader() {
        return has(JPO_ADMIN) || has(AUDITOR);
    }

    /** Who may file a maintenance ticket (maintenance-service: vendor, jpo-admin, jpo-staff). */
    public boolean isCanFileTicket() {
        return has(VENDOR) || has(JPO_ADMIN) || has(JPO_STAFF);
    }

    /**
     * Who may add a file to destruction evidence (maintenance-service: vendor, jpo-admin; the
     * organisation is its check).
     */
    public boolean isCanUploadEvidence() {
        return has(VENDOR) || has(JPO_ADMIN);
    }

    /** Only jpo-admin decides approvals (the services answer 403 to anyone else anyway). */
    public boolean isCanDecide() {
        return isJpoAdmin();
    }

    public String getRolesLabel() {
        StringBuilder out = new StringBuilder();
        for (String[] r :
                new String[][] {
                    {JPO_ADMIN, "特許庁管理者"},
                    {JPO_STAFF, "特許庁職員"},
                    {AUDITOR, "監査担当"},
                    {VENDOR, "ベンダ"},
                    {SUPPORT_VENDOR, "支援ベンダ"}
                }) {
            if (has(r[0])) {
                out.append(out.isEmpty() ? "" : "・").append(r[1]);
            }
        }
        return out.isEmpty() ? "権限なし" : out.toString();
    }

    /** The CSRF token of this session's forms: HMAC of Keycloak's session id and the subject. */
    public String getCsrf() {
        // sid: Keycloak's session id, stable while the session is refreshed; the key is the
        // console's secret
        String sid = idToken.getClaim("sid");
        String session = (sid != null ? sid : "") + "|" + idToken.getSubject();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(
                    new SecretKeySpec(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(config.csrfKey().getBytes(StandardCharsets.UTF_8)),
                            "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean csrfMatches(String token) {
        return token != null
                && MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8),
                        getCsrf().getBytes(StandardCharsets.UTF_8));
    }
}
