package io.kiban.maintenance.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class SanitizationMetricsTest {

    @Inject SanitizationMetrics metrics;

    @Test
    @DisplayName(
            "R-MT-3 the outstanding-sanitization gauges match the custody items without accepted evidence")
    void gauges_match_the_database() throws Exception {
        metrics.refresh();
        long expected;
        try (Connection c = TestDatabase.connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT COUNT(*) FROM custody_item WHERE status <> 'EVIDENCE_ACCEPTED'")) {
            rs.next();
            expected = rs.getLong(1);
        }
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape)
                .contains("kiban_sanitization_outstanding " + (double) expected)
                .contains("kiban_sanitization_outstanding_oldest_age_seconds");
    }
}
