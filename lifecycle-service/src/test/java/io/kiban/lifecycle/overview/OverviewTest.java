package io.kiban.lifecycle.overview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class OverviewTest {

    @BeforeEach
    void reset() {
        Fixtures.reset();
        Stubs.reset();
        Stubs.asset().register(get(urlPathEqualTo("/hardware")).willReturn(okJson("[]")));
        Stubs.asset().register(get(urlPathEqualTo("/baseline/conformance")).willReturn(okJson("{\"lines\":[]}")));
        Stubs.backup().register(get(urlPathEqualTo("/reports/rpo")).willReturn(okJson("[{\"target\":\"vm-images\"}]")));
    }

    @Test
    void a_section_whose_service_is_down_says_unavailable_and_the_rest_still_answers() {
        // maintenance-service has no stubs: every call fails
        JsonPath o = given().auth().oauth2(Tokens.jpoStaff()).get("/overview").then().statusCode(200).extract().jsonPath();
        assertThat(o.getString("today")).isEqualTo("2031-02-03");
        assertThat(o.getList("phases")).hasSize(3);
        assertThat(o.getList("nextDeadlines")).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(o.getList("nextDeadlines.id")).contains("removal");
        assertThat(o.getList("overdue.kind")).contains("ENVIRONMENT_DEFINITION");
        assertThat(o.getBoolean("maintenance.available")).isFalse();
        assertThat(o.getString("maintenance.unavailableReason")).contains("maintenance-service");
        assertThat(o.getBoolean("deliveries.available")).isTrue();
        assertThat(o.getBoolean("backup.available")).isTrue();
        assertThat(o.getInt("backup.data.staleCount")).isEqualTo(1);
    }

    @Test
    void the_overview_counts_open_tickets_and_outstanding_sanitization() {
        Stubs.maintenance().register(get(urlPathEqualTo("/tickets")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Total-Count", "2").withBody("[]")));
        Stubs.maintenance().register(get(urlPathEqualTo("/reports/outstanding-sanitization"))
                .willReturn(okJson("[{\"serial\":\"A\"},{\"serial\":\"B\"},{\"serial\":\"C\"}]")));
        JsonPath o = given().auth().oauth2(Tokens.jpoAdmin()).get("/overview").then().statusCode(200).extract().jsonPath();
        assertThat(o.getBoolean("maintenance.available")).isTrue();
        assertThat(o.getInt("maintenance.data.openTickets")).isEqualTo(8);
        assertThat(o.getInt("maintenance.data.outstandingSanitization")).isEqualTo(3);
        given().auth().oauth2(Tokens.vendor("vendor-a")).get("/overview").then().statusCode(403);
    }
}
