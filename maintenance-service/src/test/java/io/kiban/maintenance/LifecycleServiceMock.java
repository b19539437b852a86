package io.kiban.maintenance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * lifecycle-service as WireMock: the lease phase per environment and the contract. PRODUCTION is
 * IN_SERVICE, SHARED is REMOVED, STAGING is CLOSED; LAB resets the connection, MARS is unknown
 * (404), and CACHED is IN_SERVICE (for counting calls). The contracted vendor is vendor-a. Hardware
 * of each environment: see {@link AssetServiceMock}.
 */
public class LifecycleServiceMock implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(
                        WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(
                get(urlPathMatching("/phases/.*"))
                        .atPriority(10)
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody("{\"status\":404,\"title\":\"Not found\"}")));
        phase("PRODUCTION", "IN_SERVICE");
        phase("CACHED", "IN_SERVICE");
        phase("SHARED", "REMOVED");
        phase("STAGING", "CLOSED");
        server.stubFor(
                get(urlPathEqualTo("/phases/LAB"))
                        .atPriority(1)
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(
                get(urlPathEqualTo("/contract"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"id\":1,\"leaseEnd\":\"2031-03-31\",\"vendorOrganisation\":\"vendor-a\",\"version\":0}")));
        return Map.of("quarkus.rest-client.lifecycle.url", "http://127.0.0.1:" + server.port());
    }

    private static void phase(String environment, String phase) {
        server.stubFor(
                get(urlPathEqualTo("/phases/" + environment))
                        .atPriority(5)
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"environment\":\""
                                                        + environment
                                                        + "\",\"phase\":\""
                                                        + phase
                                                        + "\",\"enteredAt\":\"2027-04-01T00:00:00Z\",\"allowedTransitions\":[],\"version\":3}")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
