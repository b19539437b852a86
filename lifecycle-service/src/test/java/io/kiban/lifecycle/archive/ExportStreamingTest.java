package io.kiban.lifecycle.archive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.util.Arrays;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-RM-4: an export is streamed, never held whole in memory. Quarkus' REST client reads the whole
 * body of an answer mapped to a String or an object before it returns; an {@code InputStream}
 * entity ({@code RestResponse<InputStream>}) is handed over as it arrives. Proven by timing: the
 * stand-in sends 4 MiB in 8 chunks over 8 seconds; the call returns with the first chunk, long
 * before the last one is sent.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class ExportStreamingTest {

    @RestClient ServiceExports.AssetExports asset;

    @BeforeEach
    void reset() {
        Stubs.reset();
    }

    @Test
    @DisplayName(
            "R-RM-4 the export REST client hands the body over as it arrives: 4 MiB sent over 8 s, the call returns before")
    void R_RM_4_an_export_is_streamed_not_buffered() throws Exception {
        byte[] body = new byte[4 * 1024 * 1024];
        Arrays.fill(body, (byte) 'x');
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/exports/records.json"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(200)
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(body)
                                                .withChunkedDribbleDelay(8, 8000)));
        long start = System.nanoTime();
        try (RestResponse<InputStream> response = asset.records();
                InputStream in = response.getEntity()) {
            long returnedAfterMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(returnedAfterMs)
                    .as("the call returns with the first chunk, not after the last (8 s)")
                    .isLessThan(5000);
            byte[] read = in.readAllBytes();
            long readAfterMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(read).hasSize(4 * 1024 * 1024).isEqualTo(body);
            assertThat(readAfterMs)
                    .as("the body itself takes the 8 s the stand-in spreads it over")
                    .isGreaterThanOrEqualTo(6000);
        }
    }
}
