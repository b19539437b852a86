package io.kiban.backup.run;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.kiban.backup.support.Api;
import io.kiban.backup.support.Await;
import io.kiban.backup.support.MaintenanceStub;
import io.kiban.backup.support.TestDriver;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class FiringTest {

    @Inject
    TestDriver driver;

    @Test
    @DisplayName("R-BK-1 run now with an Idempotency-Key runs once, however often it is retried")
    void R_BK_1_run_now_is_idempotent() {
        long target = Api.namespaceTarget("HW-K8S-1");
        long policy = Api.createPolicy(Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target))
                .getLong("id");
        String key = Api.unique("key");
        var first = given().auth().oauth2(Tokens.supportVendor()).header("Idempotency-Key", key)
                .post("/policies/" + policy + "/runs").then().statusCode(202).extract();
        given().auth().oauth2(Tokens.supportVendor()).header("Idempotency-Key", key)
                .post("/policies/" + policy + "/runs").then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("requestedAt", org.hamcrest.Matchers.equalTo(first.jsonPath().getString("requestedAt")));
        var runs = Api.awaitRuns(policy, 1);
        sleep(500);
        runs = Api.runs(policy);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).containsEntry("state", "SUCCEEDED").containsEntry("trigger", "MANUAL")
                .containsEntry("requestedBy", "support1").containsEntry("driverReference", "test-" + runs.get(0).get("id"));
        assertThat(driver.backups(((Number) runs.get(0).get("id")).longValue())).isEqualTo(1);
        given().auth().oauth2(Tokens.jpoStaff()).get("/targets/" + target + "/status").then().statusCode(200)
                .body("lastSuccessRunId", org.hamcrest.Matchers.equalTo(runs.get(0).get("id")));
    }

    @Test
    @DisplayName("R-BK-1 a target never has two runs at once: the overlapping run is SKIPPED_OVERLAP")
    void R_BK_1_overlapping_run_is_skipped() {
        long target = Api.namespaceTarget("HW-K8S-1");
        long slow = Api.createPolicy(Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED", "sleepMillis", 2500),
                target)).getLong("id");
        long other = Api.createPolicy(Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target))
                .getLong("id");
        Api.runNow(slow);
        Await.until(Duration.ofSeconds(10), () -> Api.runs(slow),
                rs -> rs.stream().anyMatch(r -> "RUNNING".equals(r.get("state"))));
        Api.runNow(other);
        var skipped = Api.awaitRuns(other, 1).get(0);
        assertThat(skipped).containsEntry("state", "SKIPPED_OVERLAP");
        assertThat((String) skipped.get("note")).contains("still RUNNING");
        assertThat(Api.awaitRuns(slow, 1).get(0)).containsEntry("state", "SUCCEEDED");
    }

    @Test
    @DisplayName("R-BK-1 a policy's targets run side by side: a slow target does not hold the others back")
    void R_BK_1_targets_of_a_policy_run_in_parallel() {
        long a = Api.namespaceTarget("HW-K8S-1");
        long b = Api.namespaceTarget("HW-K8S-1");
        long policy = Api.createPolicy(Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED", "sleepMillis", 1500),
                a, b)).getLong("id");
        Api.runNow(policy);
        var runs = Await.until(Duration.ofSeconds(15), () -> Api.runs(policy),
                rs -> rs.size() == 2 && rs.stream().allMatch(r -> "SUCCEEDED".equals(r.get("state"))));
        Instant first = Instant.parse((String) runs.get(0).get("startedAt"));
        Instant second = Instant.parse((String) runs.get(1).get("startedAt"));
        assertThat(Duration.between(first, second).abs()).isLessThan(Duration.ofMillis(1400)); // one after the other would be ≥ 1500 ms
        assertThat(runs).extracting(r -> r.get("expectedFireTime")).containsOnly(runs.get(0).get("expectedFireTime"));
    }

    @Test
    @DisplayName("R-BK-1 nothing starts inside a blackout window: SKIPPED_BLACKOUT")
    void R_BK_1_blackout_window_skips() {
        long target = Api.namespaceTarget("HW-K8S-1");
        var body = Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        body.put("blackoutWindows", List.of(Map.of("from", now.minusHours(1).toString(), "until",
                now.plusHours(1).toString(), "reason", "planned maintenance")));
        long policy = Api.createPolicy(body).getLong("id");
        Api.runNow(policy);
        var run = Api.awaitRuns(policy, 1).get(0);
        assertThat(run).containsEntry("state", "SKIPPED_BLACKOUT");
        assertThat((String) run.get("note")).contains("planned maintenance");
        body.put("blackoutWindows", List.of(Map.of("from", now.toString(), "until", now.minusHours(1).toString())));
        given().auth().oauth2(Tokens.supportVendor()).contentType("application/json").body(body).post("/policies")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("blackoutWindows[0].until"));
    }

    @Test
    @DisplayName("R-BK-1 a ticket IN_PROGRESS on the array holds the backup (SKIPPED_HOLD); unreachable maintenance runs anyway")
    void R_BK_1_maintenance_hold() {
        String held = Api.unique("HW-HELD");
        MaintenanceStub.server.stubFor(get(urlPathEqualTo("/tickets")).withQueryParam("hardwareId", equalTo(held))
                .withQueryParam("status", equalTo("IN_PROGRESS")).atPriority(1)
                .willReturn(MaintenanceStub.json("[{\"id\":\"MT-42\",\"status\":\"IN_PROGRESS\"}]")));
        var body = Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), Api.namespaceTarget(held));
        body.put("holdDuringMaintenance", true);
        long policy = Api.createPolicy(body).getLong("id");
        Api.runNow(policy);
        var run = Api.awaitRuns(policy, 1).get(0);
        assertThat(run).containsEntry("state", "SKIPPED_HOLD");
        assertThat((String) run.get("note")).contains("MT-42");

        String unreachable = Api.unique("HW-DOWN");
        MaintenanceStub.server.stubFor(get(urlPathEqualTo("/tickets")).withQueryParam("hardwareId",
                equalTo(unreachable)).atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                        .aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        var body2 = Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), Api.namespaceTarget(unreachable));
        body2.put("holdDuringMaintenance", true);
        long policy2 = Api.createPolicy(body2).getLong("id");
        Api.runNow(policy2);
        var run2 = Api.awaitRuns(policy2, 1).get(0);
        assertThat(run2).containsEntry("state", "SUCCEEDED");
        assertThat((String) run2.get("note")).contains("maintenance-service unreachable");
    }

    @Test
    @DisplayName("R-BK-1 the schedule fires by itself; resuming never fires the time missed while paused")
    void R_BK_1_schedule_fires_and_resume_skips_the_paused_time() {
        long target = Api.namespaceTarget("HW-K8S-1");
        long policy = Api.createPolicy(Api.policy("* * * * * ?", "test", Map.of("result", "SUCCEEDED"), target))
                .getLong("id");
        try {
            Await.until(Duration.ofSeconds(10), () -> Api.runs(policy), rs -> rs.size() >= 2);
            given().auth().oauth2(Tokens.supportVendor()).post("/policies/" + policy + "/pause").then().statusCode(200);
            Instant pausedAt = Instant.now();
            sleep(2500);
            Instant resumedAt = Instant.now();
            given().auth().oauth2(Tokens.supportVendor()).post("/policies/" + policy + "/resume").then()
                    .statusCode(200);
            Await.until(Duration.ofSeconds(10), () -> Api.runs(policy), rs -> rs.stream()
                    .anyMatch(r -> Instant.parse((String) r.get("expectedFireTime")).isAfter(resumedAt)));
            given().auth().oauth2(Tokens.supportVendor()).post("/policies/" + policy + "/pause").then().statusCode(200);
            var runs = Api.runs(policy);
            assertThat(runs).allSatisfy(r -> {
                assertThat(r.get("trigger")).isEqualTo("SCHEDULE");
                Instant expected = Instant.parse((String) r.get("expectedFireTime"));
                assertThat(expected.getNano()).isZero();
                assertThat(expected.isAfter(pausedAt.plusSeconds(1)) && expected.isBefore(resumedAt))
                        .as("fire time %s falls in the pause", expected).isFalse();
            });
            assertThat(runs.stream().map(r -> r.get("expectedFireTime")).distinct()).hasSameSizeAs(runs);
        } finally {
            given().auth().oauth2(Tokens.supportVendor()).post("/policies/" + policy + "/pause");
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
