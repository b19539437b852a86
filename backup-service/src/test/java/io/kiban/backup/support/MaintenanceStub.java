package io.kiban.backup.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * maintenance-service stubbed with one WireMock server (and the arrays' HTTP APIs below it). By
 * default no ticket is IN_PROGRESS and maintenance-service's destruction report lists no media for
 * an array; tests add stubs for their own hardware ids.
 */
public class MaintenanceStub implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(
                        WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlPathEqualTo("/tickets")).atPriority(10).willReturn(json("[]")));
        server.stubFor(
                get(urlPathEqualTo("/reports/media-destruction"))
                        .atPriority(10)
                        .willReturn(json("[]")));
        String url = "http://127.0.0.1:" + server.port();
        Map<String, String> config = new java.util.HashMap<>();
        config.put("quarkus.rest-client.maintenance.url", url);
        // SEC-BK-1: the "arrays'" backup APIs live under /arrays/ of this server; credentials are
        // bound to URLs
        config.put("kiban.backup.http.k8s-array.base-urls", url + "/arrays/");
        config.put("kiban.backup.http.k8s-array.methods", "GET,POST,DELETE");
        config.put("kiban.backup.http.virt-array.base-urls", url + "/virt/");
        config.put(
                "kiban.backup.http.credentials.array-api.name",
                "kiban-backup-credentials-array-api");
        config.put("kiban.backup.http.credentials.array-api.base-urls", url + "/arrays/");
        config.put(
                "kiban.backup.http.credentials.virt-api.name", "kiban-backup-credentials-virt-api");
        config.put("kiban.backup.http.credentials.virt-api.base-urls", url + "/virt/");
        return config;
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
            String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /**
     * One row of maintenance-service's {@code GET /reports/media-destruction} (the fields
     * backup-service reads).
     */
    public static String medium(String serial, String source, boolean destroyed) {
        return "{\"serial\":\""
                + serial
                + "\",\"source\":\""
                + source
                + "\",\"inLedger\":"
                + !"log-medium".equals(source)
                + ",\"destroyed\":"
                + destroyed
                + ",\"pending\":"
                + (destroyed ? "null" : "\"EVIDENCE_NOT_ACCEPTED\"")
                + "}";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
