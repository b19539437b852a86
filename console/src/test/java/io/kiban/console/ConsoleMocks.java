package io.kiban.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One WireMock server on a free port that plays Keycloak (discovery, JWKS with the test key of
 * commons' test-jar, authorization and token endpoints — the token endpoint is stubbed per login by
 * {@link Login}) and the four services, each under its own path prefix (/asset, /maintenance,
 * /backup, /lifecycle).
 */
public class ConsoleMocks implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "/realms/kiban";
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(
                        WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stubIdentityProvider();
        String root = "http://127.0.0.1:" + server.port();
        return Map.of(
                "quarkus.oidc.auth-server-url", root + REALM,
                "kiban.console.services.asset", root + "/asset",
                "kiban.console.services.maintenance", root + "/maintenance",
                "kiban.console.services.backup", root + "/backup",
                "kiban.console.services.lifecycle", root + "/lifecycle",
                "kiban.console.section-timeout", "1500ms",
                "kiban.console.connect-timeout", "1s");
    }

    static void stubIdentityProvider() {
        String base = "http://127.0.0.1:" + server.port() + REALM;
        server.stubFor(
                get(urlEqualTo(REALM + "/.well-known/openid-configuration"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"issuer\":\""
                                                        + OidcTestServer.ISSUER
                                                        + "\","
                                                        + "\"jwks_uri\":\""
                                                        + base
                                                        + "/protocol/openid-connect/certs\","
                                                        + "\"token_endpoint\":\""
                                                        + base
                                                        + "/protocol/openid-connect/token\","
                                                        + "\"authorization_endpoint\":\""
                                                        + base
                                                        + "/protocol/openid-connect/auth\","
                                                        + "\"end_session_endpoint\":\""
                                                        + base
                                                        + "/protocol/openid-connect/logout\","
                                                        + "\"code_challenge_methods_supported\":[\"S256\"],"
                                                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
        server.stubFor(
                get(urlEqualTo(REALM + "/protocol/openid-connect/certs"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(TestKeys.jwks())));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
