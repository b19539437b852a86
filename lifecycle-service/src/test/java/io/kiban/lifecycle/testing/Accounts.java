package io.kiban.lifecycle.testing;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestKeys;
import io.kiban.commons.testing.Tokens;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * R-SEC-2 tests (#19): tokens whose account (issuer + {@code sub}) and display name ({@code
 * preferred_username}) are chosen apart, signed like commons' {@link Tokens} (same key, issuer and
 * audience). {@link Tokens} derives a user's subject from its user name; {@code accountOf} names
 * the user whose subject the token carries, so {@code jpoAdmin("jpo-admin1", "renamed")} is
 * jpo-admin1's account under another name, and {@code jpoAdmin("someone-else", "jpo-admin1")} is
 * another account that calls itself jpo-admin1.
 */
public final class Accounts {

    private Accounts() {}

    /** A jpo-admin token of {@code accountOf}'s account, its preferred_username {@code name}. */
    public static String jpoAdmin(String accountOf, String name) {
        return token(accountOf, name, "jpo", "jpo-admin");
    }

    /** An approved vendor engineer of {@code organisation}, account and name chosen apart. */
    public static String vendor(String accountOf, String name, String organisation) {
        return token(accountOf, name, organisation, "vendor", "approved-handler");
    }

    public static String token(
            String accountOf, String name, String organisation, String... roles) {
        JwtClaimsBuilder claims =
                Jwt.claims()
                        .issuer(OidcTestServer.ISSUER)
                        .subject(UUID.nameUUIDFromBytes(accountOf.getBytes()).toString())
                        .claim("preferred_username", name)
                        .claim("realm_access", Map.of("roles", List.of(roles)))
                        .claim("typ", "Bearer")
                        .claim("org", organisation)
                        .audience(Tokens.audience())
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(600));
        return claims.jws().keyId(TestKeys.KEY_ID).sign(TestKeys.privateKey());
    }
}
