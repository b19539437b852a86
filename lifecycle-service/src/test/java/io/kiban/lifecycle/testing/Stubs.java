package io.kiban.lifecycle.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * WireMock stand-ins for asset-, maintenance- and backup-service and Keycloak's admin API, each on
 * a free port. Tests reach them through {@link #asset()} etc. (a WireMock client on the configured
 * URL), so no object crosses class loaders.
 */
public class Stubs implements QuarkusTestResourceLifecycleManager {

    public static final String KEYCLOAK_USER_ID = "0b7c7d0e-1111-4222-8333-444455556666";

    /** The realm role as Keycloak lists it in a user's role mappings. */
    public static final String APPROVED_HANDLER =
            "{\"id\":\"role-approved-handler\",\"name\":\"approved-handler\","
                    + "\"composite\":false,\"clientRole\":false}";

    private WireMockServer asset;
    private WireMockServer maintenance;
    private WireMockServer backup;
    private WireMockServer keycloak;

    @Override
    public Map<String, String> start() {
        asset = started();
        maintenance = started();
        backup = started();
        keycloak = started();
        return Map.of(
                "kiban.clients.asset.url", asset.baseUrl(),
                "kiban.clients.maintenance.url", maintenance.baseUrl(),
                "kiban.clients.backup.url", backup.baseUrl(),
                "quarkus.keycloak.admin-client.server-url", keycloak.baseUrl(),
                "quarkus.rest-client.read-timeout", "2000",
                "quarkus.rest-client.connect-timeout", "1000");
    }

    private static WireMockServer started() {
        WireMockServer s =
                new WireMockServer(
                        WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        s.start();
        return s;
    }

    @Override
    public void stop() {
        for (WireMockServer s : new WireMockServer[] {asset, maintenance, backup, keycloak}) {
            if (s != null) {
                s.stop();
            }
        }
    }

    public static WireMock asset() {
        return client("kiban.clients.asset.url");
    }

    public static WireMock maintenance() {
        return client("kiban.clients.maintenance.url");
    }

    public static WireMock backup() {
        return client("kiban.clients.backup.url");
    }

    public static WireMock keycloak() {
        return client("quarkus.keycloak.admin-client.server-url");
    }

    private static WireMock client(String property) {
        URI uri = URI.create(ConfigProvider.getConfig().getValue(property, String.class));
        return new WireMock(uri.getHost(), uri.getPort());
    }

    /** Forgets every stub and request; Keycloak answers its token, role and user look-ups again. */
    public static void reset() {
        MediaReport.clear();
        asset().resetMappings();
        asset().resetRequests();
        maintenance().resetMappings();
        maintenance().resetRequests();
        backup().resetMappings();
        backup().resetRequests();
        WireMock kc = keycloak();
        kc.resetMappings();
        kc.resetRequests();
        kc.register(
                post(urlPathEqualTo("/realms/kiban/protocol/openid-connect/token"))
                        .willReturn(
                                okJson(
                                        "{\"access_token\":\"admin-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        // R-SEC-1 / FGAP v2: like the hardened realm, Keycloak refuses lifecycle-service the role
        // itself and its members;
        // the role is picked by name from a user's available (grant) or mapped (revoke) realm roles
        kc.register(
                get(urlPathMatching("/admin/realms/kiban/roles/.*"))
                        .willReturn(aResponse().withStatus(403)));
        kc.register(
                get(urlPathMatching(
                                "/admin/realms/kiban/users/[^/]+/role-mappings/realm/available"))
                        .atPriority(10)
                        .willReturn(okJson("[" + APPROVED_HANDLER + "]")));
        kc.register(
                get(urlPathMatching("/admin/realms/kiban/users/[^/]+/role-mappings/realm"))
                        .atPriority(10)
                        .willReturn(okJson("[" + APPROVED_HANDLER + "]")));
        kc.register(
                get(urlPathMatching(
                                "/admin/realms/kiban/users/[^/]+/role-mappings/realm/composite"))
                        .atPriority(10)
                        .willReturn(okJson("[]")));
        kc.register(
                get(urlPathEqualTo("/admin/realms/kiban/users"))
                        .willReturn(
                                okJson(
                                        "[{\"id\":\""
                                                + KEYCLOAK_USER_ID
                                                + "\",\"username\":\"vendor-a-tanaka\"}]")));
        // R-SEC-1: the account's organisation (user attribute org) is checked on approval
        kc.register(
                get(urlPathEqualTo("/admin/realms/kiban/users/" + KEYCLOAK_USER_ID))
                        .willReturn(
                                okJson(
                                        "{\"id\":\""
                                                + KEYCLOAK_USER_ID
                                                + "\",\"username\":\"vendor-a-tanaka\","
                                                + "\"attributes\":{\"org\":[\"vendor-a\"]}}")));
        // R-RM-3: no outstanding sanitization unless a test says otherwise (the removal gate asks
        // for it)
        maintenance()
                .register(
                        get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                .atPriority(10)
                                .willReturn(okJson("[]")));
        kc.register(
                post(urlPathMatching("/admin/realms/kiban/users/[^/]+/role-mappings/realm"))
                        .willReturn(aResponse().withStatus(204)));
        kc.register(
                delete(urlPathMatching("/admin/realms/kiban/users/[^/]+/role-mappings/realm"))
                        .willReturn(aResponse().withStatus(204)));
    }
}
