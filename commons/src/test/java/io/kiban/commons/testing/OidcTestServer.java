package io.kiban.commons.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A WireMock OpenID provider on a free port: discovery, JWKS (the key of {@link TestKeys}) and a
 * token endpoint that answers each client-credentials request with a NEW real signed {@code
 * service} token (audience: the service under test, {@link Tokens#audience()}), valid for {@value
 * #DEFAULT_LIFETIME} s or the {@code service-token-lifetime} init argument (seconds), so a test can
 * run across several token lifetimes. Tokens for people come from {@link Tokens}. Parallel-safe:
 * every test JVM gets its own port.
 */
public class OidcTestServer implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://idp.kiban.test/realms/kiban";
    private static final String REALM = "/realms/kiban";
    public static final int DEFAULT_LIFETIME = 300;

    private WireMockServer server;
    private int lifetime = DEFAULT_LIFETIME;
    private java.util.Set<String> audience;

    @Override
    public void init(Map<String, String> initArgs) {
        if (initArgs.containsKey("service-token-lifetime")) {
            lifetime = Integer.parseInt(initArgs.get("service-token-lifetime"));
        }
        if (initArgs.containsKey("audience")) {
            audience =
                    new java.util.LinkedHashSet<>(
                            java.util.List.of(initArgs.get("audience").split(",")));
        }
    }

    /** Signs a fresh service token for every request to the token endpoint. */
    public static final class FreshServiceToken implements ResponseDefinitionTransformerV2 {
        private final int lifetime;
        private final java.util.Set<String> audience;

        public FreshServiceToken(int lifetime, java.util.Set<String> audience) {
            this.lifetime = lifetime;
            this.audience = audience;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String token = Tokens.serviceToken("test-service", audience, lifetime);
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                    .withBody(
                            "{\"access_token\":\""
                                    + token
                                    + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                                    + lifetime
                                    + "}")
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "fresh-service-token";
        }
    }

    @Override
    public Map<String, String> start() {
        java.util.Set<String> aud = audience != null ? audience : Tokens.audience();
        server =
                new WireMockServer(
                        WireMockConfiguration.options()
                                .dynamicPort()
                                .bindAddress("127.0.0.1")
                                .extensions(new FreshServiceToken(lifetime, aud)));
        server.start();
        String base = "http://127.0.0.1:" + server.port() + REALM;
        server.stubFor(
                get(urlEqualTo(REALM + "/.well-known/openid-configuration"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"issuer\":\""
                                                        + ISSUER
                                                        + "\",\"jwks_uri\":\""
                                                        + base
                                                        + "/protocol/openid-connect/certs\","
                                                        + "\"token_endpoint\":\""
                                                        + base
                                                        + "/protocol/openid-connect/token\","
                                                        + "\"authorization_endpoint\":\""
                                                        + base
                                                        + "/protocol/openid-connect/auth\","
                                                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
        server.stubFor(
                get(urlEqualTo(REALM + "/protocol/openid-connect/certs"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(TestKeys.jwks())));
        server.stubFor(
                post(urlPathEqualTo(REALM + "/protocol/openid-connect/token"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withTransformers("fresh-service-token")));
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
