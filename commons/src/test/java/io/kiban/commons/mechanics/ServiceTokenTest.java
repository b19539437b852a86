package io.kiban.commons.mechanics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.kiban.commons.sample.DownstreamClient;
import io.kiban.commons.sample.RetryingDownstreamClient;
import io.kiban.commons.testing.OidcTestServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * #15 item 12: service tokens that do not lapse. The identity provider issues client-credentials
 * tokens that live 3 s; the downstream service refuses an expired token with 401, as a Kiban
 * service does.
 */
@QuarkusTest
@TestProfile(ServiceTokenTest.ShortLivedTokens.class)
class ServiceTokenTest {

    static final int LIFETIME_SECONDS = 3;

    public static class ShortLivedTokens implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(World.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // ServiceCallTest: a short breaker and retry pause
            return Map.of(
                    "quarkus.oidc-client.enabled",
                    "true",
                    "kiban.service-calls.breaker.open-for",
                    "1s",
                    "kiban.service-calls.retry-delay",
                    "50ms",
                    "kiban.service-calls.breaker.failures",
                    "5");
        }
    }

    /**
     * One WireMock: the token endpoint (fresh 3 s tokens) and the downstream service that checks
     * exp.
     */
    public static class World implements QuarkusTestResourceLifecycleManager {
        static WireMockServer server;

        @Override
        public Map<String, String> start() {
            server =
                    new WireMockServer(
                            WireMockConfiguration.options()
                                    .dynamicPort()
                                    .bindAddress("127.0.0.1")
                                    .extensions(
                                            new OidcTestServer.FreshServiceToken(
                                                    LIFETIME_SECONDS, Set.of("downstream")),
                                            new CheckToken()));
            server.start();
            server.stubFor(
                    post(urlPathEqualTo("/idp/token"))
                            .willReturn(
                                    aResponse()
                                            .withHeader("Content-Type", "application/json")
                                            .withTransformers("fresh-service-token")));
            server.stubFor(
                    get(urlPathEqualTo("/downstream/ping"))
                            .willReturn(aResponse().withTransformers("check-token")));
            server.stubFor(
                    get(urlPathEqualTo("/downstream/refusing"))
                            .willReturn(aResponse().withStatus(401)));
            String base = "http://127.0.0.1:" + server.port();
            return Map.of(
                    "quarkus.oidc-client.short.auth-server-url", base + "/idp",
                    "quarkus.oidc-client.short.discovery-enabled", "false",
                    "quarkus.oidc-client.short.token-path", "/token",
                    "quarkus.oidc-client.short.client-id", "commons-sample",
                    "quarkus.oidc-client.short.credentials.secret", "test-secret",
                    "quarkus.oidc-client.short.grant.type", "client",
                    // as the commons default (30 s) does for Keycloak's 5-minute tokens: refresh
                    // before expiry
                    "quarkus.oidc-client.short.refresh-token-time-skew", "2S",
                    "quarkus.rest-client.downstream.url", base + "/downstream");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }

    /** 200 for a token whose exp is still ahead, 401 for an expired one (no clock skew allowed). */
    public static final class CheckToken implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String header = event.getRequest().getHeader("Authorization");
            long exp = header == null ? 0 : exp(header.substring("Bearer ".length()));
            boolean valid = exp * 1000 > System.currentTimeMillis();
            return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .withStatus(valid ? 200 : 401)
                    .withBody(valid ? "pong" : "token expired")
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "check-token";
        }
    }

    static long exp(String jwt) {
        String payload =
                new String(
                        Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Long.parseLong(payload.replaceAll(".*\"exp\":(\\d+).*", "$1"));
    }

    private static List<String> tokensSentTo(String path) {
        List<String> tokens = new ArrayList<>();
        for (ServeEvent e : World.server.getAllServeEvents()) {
            if (e.getRequest().getUrl().startsWith(path)) {
                tokens.add(0, e.getRequest().getHeader("Authorization"));
            }
        }
        return tokens;
    }

    @Inject @RestClient DownstreamClient plain;

    @Inject @RestClient RetryingDownstreamClient retrying;

    @Test
    @DisplayName(
            "SEC_service_token: across four 3-second token lifetimes, no call fails (the token is renewed before it expires)")
    void SEC_service_token_is_renewed_before_it_expires() throws Exception {
        long end = System.currentTimeMillis() + 4 * LIFETIME_SECONDS * 1000L;
        int calls = 0;
        while (System.currentTimeMillis() < end) {
            assertThat(plain.ping()).isEqualTo("pong");
            calls++;
            Thread.sleep(50);
        }
        Set<String> distinct = new HashSet<>(tokensSentTo("/downstream/ping"));
        assertThat(calls).isGreaterThan(20);
        assertThat(distinct)
                .as("tokens used over 12 s of 3 s tokens")
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    @DisplayName(
            "SEC_service_token: a call answered 401 is made once more with a fresh token, and succeeds")
    void SEC_service_token_401_is_retried_once_with_a_fresh_token() {
        World.server.resetRequests();
        World.server.stubFor(
                get(urlPathEqualTo("/downstream/flaky"))
                        .inScenario("revoked")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(401))
                        .willSetStateTo("refused once"));
        World.server.stubFor(
                get(urlPathEqualTo("/downstream/flaky"))
                        .inScenario("revoked")
                        .whenScenarioStateIs("refused once")
                        .willReturn(aResponse().withStatus(200).withBody("pong")));
        World.server.resetScenarios();
        assertThat(retrying.flaky()).isEqualTo("pong");
        List<String> sent = tokensSentTo("/downstream/flaky");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).as("the retry carries a new token").isNotEqualTo(sent.get(0));
    }

    @Test
    @DisplayName(
            "SEC_service_token: without the retry the 401 reaches the caller; with it, a second 401 does too (only one retry)")
    void SEC_service_token_only_one_retry() {
        World.server.resetScenarios();
        World.server.stubFor(
                get(urlPathEqualTo("/downstream/flaky"))
                        .inScenario("revoked")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(401))
                        .willSetStateTo("refused once"));
        assertThatThrownBy(plain::flaky)
                .isInstanceOf(WebApplicationException.class)
                .satisfies(
                        e ->
                                assertThat(((WebApplicationException) e).getResponse().getStatus())
                                        .isEqualTo(401));
        World.server.resetRequests();
        assertThatThrownBy(retrying::refusing)
                .isInstanceOf(WebApplicationException.class)
                .satisfies(
                        e ->
                                assertThat(((WebApplicationException) e).getResponse().getStatus())
                                        .isEqualTo(401));
        assertThat(tokensSentTo("/downstream/refusing")).hasSize(2);
    }
}
