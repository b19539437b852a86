package io.kiban.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.lifecycle.deliverable.DeliverableMetrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
class DeliverableMetricsTest {

    @Inject DeliverableMetrics metrics;

    @Test
    @DisplayName(
            "R-LC-12 the overdue-deliverables gauge counts what GET /deliverables?overdue=true lists")
    void gauge_counts_the_overdue_deliverables() {
        metrics.refresh();
        String total =
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .queryParam("overdue", true)
                        .get("/deliverables")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("X-Total-Count");
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).contains("kiban_deliverables_overdue " + Double.parseDouble(total));
    }
}
