package io.kiban.backup.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kiban.backup.support.Api;
import io.kiban.backup.support.MaintenanceStub;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SEC-BK-3 with the production minimum: no schedule fires more often than every 15 minutes. */
@QuarkusTest
@TestProfile(ScheduleMinimumTest.ProductionMinimum.class)
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class ScheduleMinimumTest {

    /**
     * The default of kiban.backup.min-schedule-interval (the test profile lowers it for the firing
     * tests).
     */
    public static class ProductionMinimum implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kiban.backup.min-schedule-interval", "15m");
        }
    }

    private static io.restassured.response.ValidatableResponse create(String cron, long target) {
        return given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType(ContentType.JSON)
                .body(Api.policy(cron, "test", Map.of("result", "SUCCEEDED"), target))
                .post("/policies")
                .then();
    }

    @Test
    @DisplayName(
            "SEC-BK-3 a schedule firing more often than every 15 minutes is 422, for jpo-admin's changes too")
    void SEC_BK_3_schedule_minimum() {
        long target = Api.namespaceTarget("HW-K8S-1");
        // every 10 s (the e2e drill's schedule), every 5 min, twice 5 minutes apart once a day,
        // every 14 min 59 s
        for (String cron :
                new String[] {
                    "0/10 * * * * ?", "0 0/5 * * * ?", "0 0,5 3 * * ?", "0/59 0/15 * * * ?"
                }) {
            create(cron, target)
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("rule", equalTo("SEC-BK-3"))
                    .body("errors.field", hasItem("cron"))
                    .body("detail", containsString("900 s"));
        }
        // exactly every 15 minutes, hourly, daily: fine
        create("0 0/15 * * * ?", target).statusCode(201);
        create("0 0 * * * ?", target).statusCode(201);
        long policy = create(Api.DAILY, target).statusCode(201).extract().jsonPath().getLong("id");
        // jpo-admin cannot set a faster schedule either
        var faster = Api.policy("0 0/1 * * * ?", "test", Map.of("result", "SUCCEEDED"), target);
        given().auth()
                .oauth2(Tokens.jpoAdmin())
                .contentType(ContentType.JSON)
                .body(faster)
                .header("If-Match", "\"0\"")
                .put("/policies/" + policy)
                .then()
                .statusCode(422)
                .body("rule", equalTo("SEC-BK-3"));
        assertThat(
                        given().auth()
                                .oauth2(Tokens.auditor())
                                .get("/policies/" + policy)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getString("cron"))
                .isEqualTo(Api.DAILY);
    }
}
