package io.kiban.commons.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real signed JWTs for tests, shaped like Keycloak's: {@code realm_access.roles}, {@code org},
 * {@code preferred_username}. Subjects are stable per user name.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String jpoAdmin() {
        return token("jpo-admin1", "jpo", "jpo-admin");
    }

    public static String jpoStaff() {
        return token("jpo-staff1", "jpo", "jpo-staff");
    }

    public static String auditor() {
        return token("auditor1", "jpo", "auditor");
    }

    /** An approved engineer of the given vendor organisation. */
    public static String vendor(String organisation) {
        return token(organisation + "-engineer", organisation, "vendor", "approved-handler");
    }

    /** A vendor engineer who is not on the approved list of information handlers (R-SEC-1). */
    public static String unapprovedVendor(String organisation) {
        return token(organisation + "-newcomer", organisation, "vendor");
    }

    public static String supportVendor() {
        return token("support1", "support-co", "support-vendor", "approved-handler");
    }

    public static String service(String client) {
        return token("service-account-" + client, "kiban", "service");
    }

    public static String token(String user, String organisation, String... roles) {
        return sign(claims(user, organisation, roles));
    }

    public static String expired(String user, String organisation, String... roles) {
        return sign(claims(user, organisation, roles)
                .issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(1800)));
    }

    /** A token whose payload was changed after signing (roles raised to jpo-admin). */
    public static String tampered(String user, String organisation, String... roles) {
        String[] parts = token(user, organisation, roles).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":[\"jpo-admin\"]");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "."
                + parts[2];
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(TestKeys.KEY_ID).sign(TestKeys.privateKey());
    }

    private static JwtClaimsBuilder claims(String user, String organisation, String... roles) {
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(OidcTestServer.ISSUER)
                .subject(UUID.nameUUIDFromBytes(user.getBytes()).toString())
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .claim("typ", "Bearer")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600));
        if (organisation != null) {
            claims.claim("org", organisation);
        }
        return claims;
    }
}
