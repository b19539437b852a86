package io.kiban.e2e;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the real Keycloak (the committed dev realm), by the password grant of the
 * public client kiban-cli; the demo users' password is their user name. Cached for 60 s; {@link
 * #fresh} always asks Keycloak (a role change shows in the next token).
 */
public final class Tokens {

    public static final String JPO_ADMIN = "jpo-admin1";

    /** the second jpo-admin: approves what jpo-admin1 proposed (R-SEC-2, four eyes) */
    public static final String JPO_ADMIN2 = "jpo-admin2";

    public static final String JPO_STAFF = "jpo-staff1";
    public static final String AUDITOR = "auditor1";

    /** vendor-a, put on the approved list at suite start ({@link DemoHandlers}) */
    public static final String VENDOR_A = "vendor-a1";

    /** vendor-a, not (yet) an approved handler */
    public static final String VENDOR_A_NEW = "vendor-a2";

    /** vendor-b, put on the approved list at suite start */
    public static final String VENDOR_B = "vendor-b1";

    public static final String SUPPORT = "support1";

    private record Cached(String token, Instant until) {}

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    public static String of(String user) {
        Cached c = CACHE.get(user);
        if (c != null && Instant.now().isBefore(c.until())) {
            return c.token();
        }
        String token = fresh(user);
        CACHE.put(user, new Cached(token, Instant.now().plusSeconds(60)));
        return token;
    }

    public static String fresh(String user) {
        CACHE.remove(user);
        return given().baseUri(Suite.get().keycloakUrl)
                .formParam("grant_type", "password")
                .formParam("client_id", "kiban-cli")
                .formParam("username", user)
                .formParam("password", user)
                .formParam("scope", "openid")
                .post("/realms/kiban/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A client-credentials token of a service's confidential client (role service). */
    public static String service(String svc) {
        return given().baseUri(Suite.get().keycloakUrl)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", svc + "-service")
                .formParam("client_secret", svc + "-secret")
                .post("/realms/kiban/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
