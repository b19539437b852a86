package io.kiban.asset;

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
 * lifecycle-service as WireMock: {@code GET /phases/{environment}} answers IN_SERVICE for every
 * environment and {@code GET /contract} the signed contract (lease end 2030-12-31, contract end
 * 2031-03-31, vendor-a), until a test says otherwise with {@link #phase}, {@link #contract}, {@link
 * #down}; {@link #reset} restores the defaults.
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
        defaults();
        return Map.of("quarkus.rest-client.lifecycle.url", "http://127.0.0.1:" + server.port());
    }

    private static void defaults() {
        server.stubFor(
                get(urlPathMatching("/phases/(PRODUCTION|STAGING|SHARED)"))
                        .atPriority(10)
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"environment\":\"ANY\",\"phase\":\"IN_SERVICE\",\"enteredAt\":\"2027-01-01T00:00:00Z\","
                                                        + "\"allowedTransitions\":[\"END_OF_USE\"],\"version\":3}")));
        contract("2030-12-31", "2031-03-31", "vendor-a");
    }

    /** From now on, {@code environment} is in {@code phase}. */
    public static void phase(String environment, String phase) {
        server.stubFor(
                get(urlPathEqualTo("/phases/" + environment))
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"environment\":\""
                                                        + environment
                                                        + "\",\"phase\":\""
                                                        + phase
                                                        + "\","
                                                        + "\"enteredAt\":\"2027-01-10T00:00:00Z\",\"removingEnteredAt\":null,"
                                                        + "\"lateRemovalReason\":null,\"allowedTransitions\":[],\"version\":7}")));
    }

    /**
     * The contract as lifecycle-service's ContractView shows it (fields asset-service does not read
     * included).
     */
    public static void contract(String leaseEnd, String contractEnd, String vendor) {
        server.stubFor(
                get(urlPathEqualTo("/contract"))
                        .atPriority(5)
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"signingDate\":\"2026-04-01\",\"deliveryDeadline\":\"2027-03-31\","
                                                        + "\"extensionLimit\":\"2027-06-30\",\"productionStart\":\"2027-04-01\","
                                                        + "\"leaseStart\":\"2027-04-01\",\"leaseEnd\":\""
                                                        + leaseEnd
                                                        + "\","
                                                        + "\"removalDeadline\":\"2031-03-31\",\"contractEnd\":\""
                                                        + contractEnd
                                                        + "\","
                                                        + "\"vendorOrganisation\":\""
                                                        + vendor
                                                        + "\",\"amounts\":[],\"monthlyLeaseTotal\":0,"
                                                        + "\"monthlyMaintenanceTotal\":0,\"version\":2}")));
    }

    /** lifecycle-service stops answering (the connection is reset), for phases and the contract. */
    public static void down() {
        server.stubFor(
                get(urlPathMatching("/.*"))
                        .atPriority(0)
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    public static void reset() {
        server.resetAll();
        defaults();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
