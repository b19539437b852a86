package io.kiban.lifecycle.overview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.kiban.lifecycle.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
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
        Stubs.asset()
                .register(
                        get(urlPathEqualTo("/baseline/conformance"))
                                .willReturn(okJson("{\"lines\":[]}")));
        Stubs.backup()
                .register(
                        get(urlPathEqualTo("/reports/rpo"))
                                .willReturn(okJson("[{\"target\":\"vm-images\"}]")));
    }

    @Test
    void a_section_whose_service_is_down_says_unavailable_and_the_rest_still_answers() {
        // maintenance-service has no stubs: every call fails
        JsonPath o =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/overview")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
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
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/tickets"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(200)
                                                .withHeader("Content-Type", "application/json")
                                                .withHeader("X-Total-Count", "2")
                                                .withBody("[]")));
        Stubs.maintenance()
                .register(
                        get(urlPathEqualTo("/reports/outstanding-sanitization"))
                                .willReturn(
                                        okJson(
                                                "[{\"serial\":\"A\"},{\"serial\":\"B\"},{\"serial\":\"C\"}]")));
        JsonPath o =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .get("/overview")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(o.getBoolean("maintenance.available")).isTrue();
        assertThat(o.getInt("maintenance.data.openTickets")).isEqualTo(8);
        assertThat(o.getInt("maintenance.data.outstandingSanitization")).isEqualTo(3);
        given().auth().oauth2(Tokens.vendor("vendor-a")).get("/overview").then().statusCode(403);
    }

    @Test
    @DisplayName(
            "R-LC-8 removal after 2031-03-31 is a recorded breach in the overview and the deadlines; a late reason never hides it")
    void R_LC_8_removal_after_the_deadline_is_a_breach_that_a_note_does_not_waive()
            throws Exception {
        JsonPath before =
                given().auth()
                        .oauth2(Tokens.jpoStaff())
                        .get("/overview")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(before.getList("removalBreaches")).isEmpty();

        // STAGING reached REMOVED on 2031-04-10 (JST), with a late-removal reason; PRODUCTION and
        // SHARED not yet
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute(
                    "UPDATE environment_phase SET phase='REMOVED', late_removal_reason='搬出経路の工事' WHERE environment='STAGING'");
            s.execute(
                    "INSERT INTO phase_transition (environment, from_phase, to_phase, at, actor) VALUES "
                            + "('STAGING','REMOVING','REMOVED','2031-04-10 01:00:00','jpo-admin1')");
        }
        // today: 2031-04-12 in Tokyo
        TestClock.set(Instant.parse("2031-04-12T03:00:00Z"));
        JsonPath o =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/overview")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(o.getList("removalBreaches")).hasSize(3);
        assertThat(o.getString("removalBreaches.find { it.environment == 'STAGING' }.kind"))
                .isEqualTo("REMOVED_LATE");
        assertThat(o.getString("removalBreaches.find { it.environment == 'STAGING' }.removedOn"))
                .isEqualTo("2031-04-10");
        assertThat(o.getInt("removalBreaches.find { it.environment == 'STAGING' }.daysLate"))
                .isEqualTo(10);
        assertThat(
                        o.getString(
                                "removalBreaches.find { it.environment == 'STAGING' }.lateRemovalReason"))
                .isEqualTo("搬出経路の工事");
        assertThat(o.getString("removalBreaches.find { it.environment == 'STAGING' }.rule"))
                .isEqualTo("R-LC-8");
        assertThat(o.getString("removalBreaches.find { it.environment == 'PRODUCTION' }.kind"))
                .isEqualTo("NOT_REMOVED");
        assertThat(o.getInt("removalBreaches.find { it.environment == 'PRODUCTION' }.daysLate"))
                .isEqualTo(12);

        JsonPath deadlines =
                given().auth()
                        .oauth2(Tokens.vendor("vendor-a"))
                        .get("/contract/deadlines")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(deadlines.getList("find { it.id == 'removal' }.breaches.environment"))
                .containsExactlyInAnyOrder("PRODUCTION", "STAGING", "SHARED");
        assertThat(deadlines.getList("find { it.id == 'delivery' }.breaches")).isEmpty();
    }

    @Test
    @DisplayName("R-LC-8 an environment removed by the deadline is no breach")
    void R_LC_8_removal_on_time_is_no_breach() throws Exception {
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("UPDATE environment_phase SET phase='REMOVED' WHERE environment='STAGING'");
            // 2031-03-31 23:30 in Tokyo
            s.execute(
                    "INSERT INTO phase_transition (environment, from_phase, to_phase, at, actor) VALUES "
                            + "('STAGING','REMOVING','REMOVED','2031-03-31 14:30:00','jpo-admin1')");
        }
        TestClock.set(Instant.parse("2031-04-02T03:00:00Z"));
        JsonPath o =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .get("/overview")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(o.getList("removalBreaches.environment"))
                .containsExactlyInAnyOrder("PRODUCTION", "SHARED");
    }
}
