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

    private Tokens() {}

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

    /**
     * A client-credentials token of {@code client} for {@code audience}, valid for {@code
     * lifetimeSeconds}.
     */
    public static String serviceToken(
            String client, java.util.Set<String> audience, int lifetimeSeconds) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = claims("service-account-" + client, "kiban", "service");
        claims.audience(new java.util.LinkedHashSet<>(audience));
        claims.issuedAt(now).expiresAt(now.plusSeconds(lifetimeSeconds));
        return sign(claims);
    }

    public static String token(String user, String organisation, String... roles) {
        return sign(claims(user, organisation, roles));
    }

    public static String expired(String user, String organisation, String... roles) {
        return sign(
                claims(user, organisation, roles)
                        .issuedAt(Instant.now().minusSeconds(3600))
                        .expiresAt(Instant.now().minusSeconds(1800)));
    }

    /** A token whose payload was changed after signing (roles raised to jpo-admin). */
    public static String tampered(String user, String organisation, String... roles) {
        String[] parts = token(user, organisation, roles).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":[\"jpo-admin\"]");
        return parts[0]
                + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
                + "."
                + parts[2];
    }

    /** A token for {@code user} whose {@code aud} is exactly {@code audience} (none when empty). */
    public static String withAudience(
            java.util.Collection<String> audience,
            String user,
            String organisation,
            String... roles) {
        JwtClaimsBuilder claims = claims(user, organisation, roles);
        claims.remove("aud");
        if (!audience.isEmpty()) {
            claims.audience(new java.util.LinkedHashSet<>(audience));
        }
        return sign(claims);
    }

    /**
     * The {@code aud} the service under test expects (#15 item 9): its {@code
     * quarkus.oidc.token.audience} (by default its own client id), read from the test's
     * configuration; outside a Quarkus test, the four services' client ids.
     */
    public static java.util.Set<String> audience() {
        try {
            var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            java.util.Optional<String[]> configured =
                    config.getOptionalValue("quarkus.oidc.token.audience", String[].class);
            if (configured.isPresent() && configured.get().length > 0) {
                return new java.util.LinkedHashSet<>(List.of(configured.get()));
            }
            java.util.Optional<String> name =
                    config.getOptionalValue("quarkus.application.name", String.class);
            if (name.isPresent()) {
                return java.util.Set.of(name.get());
            }
        } catch (RuntimeException | LinkageError e) {
            // no Quarkus configuration on this thread (a test resource starting, a WireMock
            // thread): fall through
        }
        java.util.Set<String> fallback = new java.util.LinkedHashSet<>();
        try (var in =
                Thread.currentThread().getContextClassLoader() == null
                        ? null
                        : Thread.currentThread()
                                .getContextClassLoader()
                                .getResourceAsStream("application.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                String name = p.getProperty("quarkus.application.name");
                if (name != null && !name.contains("${")) {
                    fallback.add(name);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no application.properties: the four services' client ids below
        }
        fallback.addAll(
                List.of(
                        "asset-service",
                        "maintenance-service",
                        "backup-service",
                        "lifecycle-service"));
        return fallback;
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(TestKeys.KEY_ID).sign(TestKeys.privateKey());
    }

    private static JwtClaimsBuilder claims(String user, String organisation, String... roles) {
        JwtClaimsBuilder claims =
                Jwt.claims()
                        .issuer(OidcTestServer.ISSUER)
                        .subject(UUID.nameUUIDFromBytes(user.getBytes()).toString())
                        .claim("preferred_username", user)
                        .claim("realm_access", Map.of("roles", List.of(roles)))
                        .claim("typ", "Bearer")
                        .audience(audience())
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(600));
        if (organisation != null) {
            claims.claim("org", organisation);
        }
        return claims;
    }
}
