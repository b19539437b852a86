package io.kiban.maintenance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * asset-service as WireMock. Hardware ids starting with {@code HW-} exist; anything else is 404.
 * {@code HW-DOWN} answers replacements with 500, {@code HW-RESET} resets the connection, and {@code
 * HW-OFFLINE} cannot even be looked up. {@code HW-<ENV>-…} (ENV = SHARED, STAGING, LAB, MARS,
 * CACHED) is hardware of that environment; every other {@code HW-} item is PRODUCTION. {@code GET
 * /media} answers an empty ledger unless a test stubs one; like asset-service, every answer of
 * {@code GET /media} carries {@code X-Total-Count} (maintenance treats a page without it as
 * incomplete: R-RM-3).
 */
public class AssetServiceMock implements QuarkusTestResourceLifecycleManager {

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
                get(urlPathMatching("/hardware/.*"))
                        .atPriority(10)
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody("{\"status\":404,\"title\":\"Not found\"}")));
        server.stubFor(
                get(urlPathMatching("/hardware/HW-[A-Za-z0-9-]+"))
                        .atPriority(5)
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"id\":\"HW\",\"environment\":\"PRODUCTION\","
                                                        + "\"status\":\"IN_SERVICE\",\"productName\":\"server\"}")));
        // hardware of other environments (their lease phase: LifecycleServiceMock)
        for (String env : new String[] {"SHARED", "STAGING", "LAB", "MARS", "CACHED"}) {
            server.stubFor(
                    get(urlPathMatching("/hardware/HW-" + env + "-[A-Za-z0-9-]+"))
                            .atPriority(3)
                            .willReturn(
                                    aResponse()
                                            .withHeader("Content-Type", "application/json")
                                            .withBody(
                                                    "{\"id\":\"HW\",\"environment\":\""
                                                            + env
                                                            + "\",\"status\":\"IN_SERVICE\"}")));
        }
        server.stubFor(
                get(urlPathEqualTo("/hardware/HW-OFFLINE"))
                        .atPriority(1)
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(
                post(urlPathMatching("/hardware/.*/media/replacements"))
                        .atPriority(10)
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"recorded\":true}")));
        server.stubFor(
                post(urlPathEqualTo("/hardware/HW-DOWN/media/replacements"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(500).withBody("boom")));
        server.stubFor(
                post(urlPathEqualTo("/hardware/HW-RESET/media/replacements"))
                        .atPriority(1)
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(
                post(urlPathEqualTo("/hardware/HW-REFUSE/media/replacements"))
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withStatus(422)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"status\":422,\"detail\":\"removedSerial refers to X, which does not exist\"}")));
        server.stubFor(
                get(urlPathEqualTo("/media"))
                        .atPriority(10)
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("X-Total-Count", "0")
                                        .withBody("[]")));
        server.stubFor(
                get(urlPathEqualTo("/media"))
                        .withQueryParam("environment", equalTo("STAGING"))
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("X-Total-Count", "3")
                                        .withBody(
                                                """
                        [{"serial":"STG-HDD-0001","kind":"HDD","make":"Seagate","model":"Exos X20","hardwareId":"HW-STG-1",
                          "environment":"STAGING","installedOn":"2027-02-01","removedOn":null},
                         {"serial":"STG-NVME-0002","kind":"NVME","make":"Samsung","model":"PM9A3","hardwareId":"HW-STG-1",
                          "environment":"STAGING","installedOn":"2027-02-01","removedOn":null},
                         {"serial":"STG-TAPE-0003","kind":"TAPE","make":"IBM","model":"LTO-9","hardwareId":"HW-STG-2",
                          "environment":"STAGING","installedOn":"2027-02-01","removedOn":null}]""")));
        server.stubFor(
                get(urlPathEqualTo("/media"))
                        .withQueryParam("environment", equalTo("OFFLINE"))
                        .atPriority(1)
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        return Map.of("quarkus.rest-client.asset.url", "http://127.0.0.1:" + server.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
