package io.kiban.maintenance.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kiban.maintenance.Fixtures.ADMIN;
import static io.kiban.maintenance.Fixtures.VENDOR_A;
import static io.kiban.maintenance.Fixtures.file;
import static io.kiban.maintenance.Fixtures.replace;
import static io.kiban.maintenance.Fixtures.replacementBody;
import static io.kiban.maintenance.Fixtures.serial;
import static io.kiban.maintenance.Fixtures.ticketBody;
import static io.kiban.maintenance.Fixtures.workingTicket;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.maintenance.AssetServiceMock;
import io.kiban.maintenance.LifecycleServiceMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 8: nothing enters an environment whose lease phase is REMOVED or CLOSED (R-RM-1,
 * R-RM-3).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(AssetServiceMock.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class PhaseGateTest {

    private static int ticketsOn(String hardwareId) {
        return Integer.parseInt(
                given().auth()
                        .oauth2(ADMIN)
                        .queryParam("hardwareId", hardwareId)
                        .get("/tickets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("X-Total-Count"));
    }

    @Test
    @DisplayName(
            "R-RM-1 R-RM-3 no new ticket in a REMOVED or CLOSED environment; 422 naming the rules, nothing written")
    void R_RM_1_no_ticket_in_a_removed_or_closed_environment() {
        file(VENDOR_A, ticketBody("HW-SHARED-1", "S3", "OTHER"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-RM-1"))
                .body("detail", containsString("R-RM-1/R-RM-3"))
                .body("detail", containsString("REMOVED"));
        var jpo = ticketBody("HW-STAGING-1", "S3", "OTHER");
        jpo.put("organisation", "vendor-a");
        file(ADMIN, jpo).then().statusCode(422).body("detail", containsString("CLOSED"));
        assertThat(ticketsOn("HW-SHARED-1")).isZero();
        assertThat(ticketsOn("HW-STAGING-1")).isZero();
        file(VENDOR_A, ticketBody("HW-PROD-OPEN", "S3", "OTHER"))
                .then()
                .statusCode(201)
                .body("environment", equalTo("PRODUCTION"));
    }

    @Test
    @DisplayName(
            "R-RM-1 lifecycle-service unreachable or not knowing the environment: 503, never a silent accept")
    void R_RM_1_an_unknown_phase_is_503() {
        file(VENDOR_A, ticketBody("HW-LAB-1", "S3", "OTHER"))
                .then()
                .statusCode(503)
                .body("type", equalTo("urn:kiban:problem:dependency-unavailable"))
                .body("detail", containsString("lifecycle-service"));
        file(VENDOR_A, ticketBody("HW-MARS-1", "S3", "OTHER")).then().statusCode(503);
        assertThat(ticketsOn("HW-LAB-1")).isZero();
        assertThat(ticketsOn("HW-MARS-1")).isZero();
    }

    @Test
    @DisplayName(
            "R-RM-3 once the environment is REMOVED (after the cache's short TTL) no part swap and no log medium is recorded")
    void R_RM_3_no_replacement_or_log_medium_once_the_environment_is_removed() throws Exception {
        var lifecycle = LifecycleServiceMock.server();
        lifecycle.resetRequests();
        file(VENDOR_A, ticketBody("HW-CACHED-2", "S3", "OTHER")).then().statusCode(201);
        file(VENDOR_A, ticketBody("HW-CACHED-3", "S3", "OTHER")).then().statusCode(201);
        // cached: two filings within the TTL (5 s in tests) asked lifecycle-service once
        assertThat(lifecycle.findAll(getRequestedFor(urlPathEqualTo("/phases/CACHED")))).hasSize(1);
        long ticket = workingTicket(VENDOR_A, "HW-CACHED-1", "MEDIA_FAILURE");

        var removed =
                lifecycle.stubFor(
                        get(urlPathEqualTo("/phases/CACHED"))
                                .atPriority(1)
                                .willReturn(
                                        aResponse()
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(
                                                        "{\"environment\":\"CACHED\",\"phase\":\"REMOVED\",\"version\":9}")));
        try {
            Thread.sleep(5_300); // the test TTL is 5 s
            replace(VENDOR_A, ticket, replacementBody("SSD", serial("SSD"), "NEW"))
                    .then()
                    .statusCode(422)
                    .body("rule", equalTo("R-RM-1"))
                    .body("detail", containsString("part replacement"));
            given().auth()
                    .oauth2(VENDOR_A)
                    .contentType(ContentType.JSON)
                    .body(
                            Map.of(
                                    "kind",
                                    "USB_FLASH",
                                    "serial",
                                    serial("LOG"),
                                    "contents",
                                    "BMC logs",
                                    "holder",
                                    "vendor-a engineer"))
                    .post("/tickets/" + ticket + "/log-media")
                    .then()
                    .statusCode(422)
                    .body("rule", equalTo("R-RM-1"));
            given().auth()
                    .oauth2(ADMIN)
                    .get("/tickets/" + ticket + "/replacements")
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(0));
            given().auth()
                    .oauth2(ADMIN)
                    .get("/tickets/" + ticket + "/log-media")
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(0));
        } finally {
            lifecycle.removeStub(removed);
        }
    }
}
