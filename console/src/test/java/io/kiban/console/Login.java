package io.kiban.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestKeys;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real authorization-code login through the console: the console redirects to the (WireMock)
 * authorization endpoint with PKCE, the test comes back with a code, the console redeems it at the
 * token endpoint, which answers real signed tokens shaped like Keycloak's (ID token for
 * kiban-console; access token for the four services, with realm_access.roles and org). The session
 * cookies are the result.
 */
public final class Login {

    /** The session cookies and the access token the console received (what it must forward). */
    public record Session(Map<String, String> cookies, String accessToken) {}

    private Login() {}

    public static Session as(String user, String organisation, String... roles) {
        String code = "code-" + user + "-" + UUID.randomUUID();
        Instant now = Instant.now();
        String subject = UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8)).toString();
        String access =
                Jwt.claims()
                        .issuer(OidcTestServer.ISSUER)
                        .subject(subject)
                        .audience(
                                new java.util.LinkedHashSet<>(
                                        List.of(
                                                "asset-service",
                                                "maintenance-service",
                                                "backup-service",
                                                "lifecycle-service")))
                        .claim("azp", "kiban-console")
                        .claim("typ", "Bearer")
                        .claim("preferred_username", user)
                        .claim("org", organisation)
                        .claim("realm_access", Map.of("roles", List.of(roles)))
                        .claim("sid", "sid-" + user)
                        .issuedAt(now)
                        .expiresAt(now.plusSeconds(600))
                        .jws()
                        .keyId(TestKeys.KEY_ID)
                        .sign(TestKeys.privateKey());
        String id =
                Jwt.claims()
                        .issuer(OidcTestServer.ISSUER)
                        .subject(subject)
                        .audience("kiban-console")
                        .claim("azp", "kiban-console")
                        .claim("typ", "ID")
                        .claim("preferred_username", user)
                        .claim("org", organisation)
                        .claim("sid", "sid-" + user)
                        .issuedAt(now)
                        .expiresAt(now.plusSeconds(600))
                        .jws()
                        .keyId(TestKeys.KEY_ID)
                        .sign(TestKeys.privateKey());
        ConsoleMocks.server.stubFor(
                post(urlPathEqualTo(ConsoleMocks.REALM + "/protocol/openid-connect/token"))
                        .withRequestBody(containing("code=" + code))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"access_token\":\""
                                                        + access
                                                        + "\",\"id_token\":\""
                                                        + id
                                                        + "\",\"token_type\":\"Bearer\",\"expires_in\":600}")));

        Response first = given().redirects().follow(false).get("/");
        assertThat(first.statusCode()).isEqualTo(302);
        URI auth = URI.create(first.header("Location"));
        Map<String, String> query = query(auth);
        Map<String, String> cookies = new HashMap<>(first.getCookies());
        URI back = URI.create(query.get("redirect_uri"));
        Response callback =
                given().redirects()
                        .follow(false)
                        .cookies(cookies)
                        .queryParam("code", code)
                        .queryParam("state", query.get("state"))
                        .get(back.getPath());
        assertThat(callback.statusCode()).as("callback: %s", callback.asString()).isEqualTo(302);
        Map<String, String> session = new HashMap<>(callback.getCookies());
        session.entrySet().removeIf(e -> e.getValue() == null || e.getValue().isEmpty());
        assertThat(session.keySet()).anyMatch(k -> k.startsWith("q_session"));
        return new Session(session, access);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
