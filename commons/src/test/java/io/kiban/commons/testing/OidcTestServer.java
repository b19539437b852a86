package io.kiban.commons.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A WireMock OpenID provider on a free port: discovery, JWKS (the key of {@link TestKeys}) and a token
 * endpoint that answers client-credentials requests with a real signed {@code service} token. Tokens
 * for people come from {@link Tokens}. Parallel-safe: every test JVM gets its own port.
 */
public class OidcTestServer implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://idp.kiban.test/realms/kiban";
    private static final String REALM = "/realms/kiban";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String base = "http://127.0.0.1:" + server.port() + REALM;
        server.stubFor(get(urlEqualTo(REALM + "/.well-known/openid-configuration")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"" + base + "/protocol/openid-connect/certs\","
                        + "\"token_endpoint\":\"" + base + "/protocol/openid-connect/token\","
                        + "\"authorization_endpoint\":\"" + base + "/protocol/openid-connect/auth\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
        server.stubFor(get(urlEqualTo(REALM + "/protocol/openid-connect/certs")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(TestKeys.jwks())));
        server.stubFor(post(urlPathEqualTo(REALM + "/protocol/openid-connect/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + Tokens.service("test-service") + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300}")));
        return Map.of(
                "quarkus.oidc.auth-server-url", base,
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc-client.auth-server-url", base,
                "kiban.test.oidc-url", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
