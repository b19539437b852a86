package io.kiban.backup.run;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.kiban.backup.scheduling.PreMaintenanceBackups;
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

    @Inject TestDriver driver;

    @Inject PreMaintenanceBackups preMaintenance;

    @Test
    @DisplayName("R-BK-1 run now with an Idempotency-Key runs once, however often it is retried")
    void R_BK_1_run_now_is_idempotent() {
        long target = Api.namespaceTarget("HW-K8S-1");
        long policy =
                Api.createPolicy(
                                Api.policy(
                                        Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target))
                        .getLong("id");
        String key = Api.unique("key");
        var first =
                given().auth()
                        .oauth2(Tokens.supportVendor())
                        .header("Idempotency-Key", key)
                        .post("/policies/" + policy + "/runs")
                        .then()
                        .statusCode(202)
                        .extract();
        given().auth()
                .oauth2(Tokens.supportVendor())
                .header("Idempotency-Key", key)
                .post("/policies/" + policy + "/runs")
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body(
                        "requestedAt",
                        org.hamcrest.Matchers.equalTo(first.jsonPath().getString("requestedAt")));
        var runs = Api.awaitRuns(policy, 1);
        sleep(500);
        runs = Api.runs(policy);
        assertThat(runs).hasSize(1);
        assertThat(first.jsonPath().getList("runIds"))
                .as("the answer names the run it queued")
                .containsExactly(runs.get(0).get("id"));
        assertThat(runs.get(0))
                .containsEntry("state", "SUCCEEDED")
                .containsEntry("trigger", "MANUAL")
                .containsEntry("requestedBy", "support1")
                .containsEntry("driverReference", "test-" + runs.get(0).get("id"));
        assertThat(driver.backups(((Number) runs.get(0).get("id")).longValue())).isEqualTo(1);
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/targets/" + target + "/status")
                .then()
                .statusCode(200)
                .body("lastSuccessRunId", org.hamcrest.Matchers.equalTo(runs.get(0).get("id")));
    }

    @Test
    @DisplayName(
            "R-BK-1 a target never has two runs at once: the overlapping run is SKIPPED_OVERLAP")
    void R_BK_1_overlapping_run_is_skipped() {
        long target = Api.namespaceTarget("HW-K8S-1");
        long slow =
                Api.createPolicy(
                                Api.policy(
                                        Api.DAILY,
                                        "test",
                                        Map.of("result", "SUCCEEDED", "sleepMillis", 2500),
                                        target))
                        .getLong("id");
        long other =
                Api.createPolicy(
                                Api.policy(
                                        Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target))
                        .getLong("id");
        Api.runNow(slow);
        Await.until(
                Duration.ofSeconds(10),
                () -> Api.runs(slow),
                rs -> rs.stream().anyMatch(r -> "RUNNING".equals(r.get("state"))));
        Api.runNow(other);
        var skipped = Api.awaitRuns(other, 1).get(0);
        assertThat(skipped).containsEntry("state", "SKIPPED_OVERLAP");
        assertThat((String) skipped.get("note")).contains("still RUNNING");
        assertThat(Api.awaitRuns(slow, 1).get(0)).containsEntry("state", "SUCCEEDED");
    }

    @Test
    @DisplayName(
            "R-BK-1 a policy's targets run side by side: a slow target does not hold the others back")
    void R_BK_1_targets_of_a_policy_run_in_parallel() {
        long a = Api.namespaceTarget("HW-K8S-1");
        long b = Api.namespaceTarget("HW-K8S-1");
        long policy =
                Api.createPolicy(
                                Api.policy(
                                        Api.DAILY,
                                        "test",
                                        Map.of("result", "SUCCEEDED", "sleepMillis", 1500),
                                        a,
                                        b))
                        .getLong("id");
        Api.runNow(policy);
        var runs =
                Await.until(
                        Duration.ofSeconds(15),
                        () -> Api.runs(policy),
                        rs ->
                                rs.size() == 2
                                        && rs.stream()
                                                .allMatch(r -> "SUCCEEDED".equals(r.get("state"))));
        Instant first = Instant.parse((String) runs.get(0).get("startedAt"));
        Instant second = Instant.parse((String) runs.get(1).get("startedAt"));
        assertThat(Duration.between(first, second).abs())
                .isLessThan(Duration.ofMillis(1400)); // one after the other would be ≥ 1500 ms
        assertThat(runs)
                .extracting(r -> r.get("expectedFireTime"))
                .containsOnly(runs.get(0).get("expectedFireTime"));
    }

    @Test
    @DisplayName("R-BK-1 nothing starts inside a blackout window: SKIPPED_BLACKOUT")
    void R_BK_1_blackout_window_skips() {
        long target = Api.namespaceTarget("HW-K8S-1");
        var body = Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        body.put(
                "blackoutWindows",
                List.of(
                        Map.of(
                                "from",
                                now.minusHours(1).toString(),
                                "until",
                                now.plusHours(1).toString(),
                                "reason",
                                "planned maintenance")));
        long policy = Api.createPolicy(body).getLong("id");
        Api.runNow(policy);
        var run = Api.awaitRuns(policy, 1).get(0);
        assertThat(run).containsEntry("state", "SKIPPED_BLACKOUT");
        assertThat((String) run.get("note")).contains("planned maintenance");
        body.put(
                "blackoutWindows",
                List.of(Map.of("from", now.toString(), "until", now.minusHours(1).toString())));
        given().auth()
                .oauth2(Tokens.supportVendor())
                .contentType("application/json")
                .body(body)
                .post("/policies")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("blackoutWindows[0].until"));
    }

    @Test
    @DisplayName(
            "R-BK-1 a ticket IN_PROGRESS on the array holds the backup (SKIPPED_HOLD); unreachable maintenance runs anyway")
    void R_BK_1_maintenance_hold() {
        String held = Api.unique("HW-HELD");
        MaintenanceStub.server.stubFor(
                get(urlPathEqualTo("/tickets"))
                        .withQueryParam("hardwareId", equalTo(held))
                        .withQueryParam("status", equalTo("IN_PROGRESS"))
                        .atPriority(1)
                        .willReturn(
                                MaintenanceStub.json(
                                        "[{\"id\":\"MT-42\",\"status\":\"IN_PROGRESS\",\"acknowledgedByJpo\":true,"
                                                + "\"acknowledgedAt\":\""
                                                + Instant.now().minusSeconds(3600)
                                                + "\"}]")));
        var body =
                Api.policy(
                        Api.DAILY,
                        "test",
                        Map.of("result", "SUCCEEDED"),
                        Api.namespaceTarget(held));
        body.put("holdDuringMaintenance", true);
        long policy = Api.createPolicy(body).getLong("id");
        Api.runNow(policy);
        var run = Api.awaitRuns(policy, 1).get(0);
        assertThat(run).containsEntry("state", "SKIPPED_HOLD");
        assertThat((String) run.get("note")).contains("MT-42");

        String unreachable = Api.unique("HW-DOWN");
        MaintenanceStub.server.stubFor(
                get(urlPathEqualTo("/tickets"))
                        .withQueryParam("hardwareId", equalTo(unreachable))
                        .atPriority(1)
                        .willReturn(
                                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                        .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        var body2 =
                Api.policy(
                        Api.DAILY,
                        "test",
                        Map.of("result", "SUCCEEDED"),
                        Api.namespaceTarget(unreachable));
        body2.put("holdDuringMaintenance", true);
        long policy2 = Api.createPolicy(body2).getLong("id");
        Api.runNow(policy2);
        var run2 = Api.awaitRuns(policy2, 1).get(0);
        assertThat(run2).containsEntry("state", "SUCCEEDED");
        assertThat((String) run2.get("note"))
                .isEqualTo(
                        "maintenance-service unreachable (no answer); ran without the maintenance hold check");
    }

    @Test
    @DisplayName(
            "R-BK-1 the policies of one schedule fire together; a target two of them share has one run per fire time")
    void R_BK_1_policies_of_one_schedule_fire_together() {
        long shared = Api.namespaceTarget("HW-K8S-1");
        long own = Api.namespaceTarget("HW-K8S-1");
        String cron =
                "* * * * * ? *"; // every second; a spelling no other test uses, so a schedule of
        // its own
        long a =
                Api.createPolicy(
                                Api.policy(
                                        cron,
                                        "test",
                                        Map.of("result", "SUCCEEDED", "sleepMillis", 300),
                                        shared,
                                        own))
                        .getLong("id");
        long b =
                Api.createPolicy(
                                Api.policy(
                                        cron,
                                        "test",
                                        Map.of("result", "SUCCEEDED", "sleepMillis", 300),
                                        shared))
                        .getLong("id");
        try {
            Await.until(
                    Duration.ofSeconds(20),
                    () -> Api.runs(b),
                    rs -> rs.stream().filter(r -> !Api.unsettled(r)).count() >= 3);
        } finally {
            for (long id : List.of(a, b)) {
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .post("/policies/" + id + "/pause")
                        .then()
                        .statusCode(200);
            }
        }
        sleep(1000);
        var runsA = Api.runs(a);
        var runsB = Api.runs(b);
        for (var runB : runsB) {
            Object at = runB.get("expectedFireTime");
            assertThat(Instant.parse((String) at).getNano())
                    .as("a whole second of the cron")
                    .isZero();
            var onShared = new java.util.ArrayList<Map<String, Object>>();
            onShared.add(runB);
            runsA.stream()
                    .filter(
                            r ->
                                    at.equals(r.get("expectedFireTime"))
                                            && ((Number) r.get("targetId")).longValue() == shared)
                    .forEach(onShared::add);
            assertThat(onShared).as("both policies fired at " + at).hasSize(2);
            assertThat(onShared.stream().filter(r -> !"SKIPPED_OVERLAP".equals(r.get("state"))))
                    .as("one run of the shared target at " + at)
                    .hasSize(1);
            assertThat(runsA)
                    .as("policy a's other target fired at " + at)
                    .anySatisfy(
                            r -> {
                                assertThat(r.get("expectedFireTime")).isEqualTo(at);
                                assertThat(((Number) r.get("targetId")).longValue()).isEqualTo(own);
                            });
        }
    }

    @Test
    @DisplayName(
            "R-BK-1 a ticket acknowledged on the array gets one backup before maintenance, per target, once")
    void R_BK_1_backup_before_maintenance_when_a_ticket_is_acknowledged() {
        String array = Api.unique("HW-ACK");
        Instant acknowledged = Instant.parse("2026-11-20T01:02:03.456Z");
        MaintenanceStub.server.stubFor(
                get(urlPathEqualTo("/tickets"))
                        .withQueryParam("hardwareId", equalTo(array))
                        .withQueryParam("status", equalTo("ACKNOWLEDGED"))
                        .atPriority(1)
                        .willReturn(
                                MaintenanceStub.json(
                                        "[{\"id\":4711,\"status\":\"ACKNOWLEDGED\",\"hardwareId\":\""
                                                + array
                                                + "\",\"acknowledgedAt\":\""
                                                + acknowledged
                                                + "\"}]")));
        long a = Api.namespaceTarget(array);
        long b = Api.namespaceTarget(array);
        var body = Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), a, b);
        body.put("backupBeforeMaintenance", true);
        body.put("holdDuringMaintenance", true);
        long policy = Api.createPolicy(body).getLong("id");
        assertThat(
                        given().auth()
                                .oauth2(Tokens.auditor())
                                .get("/policies/" + policy)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getBoolean("backupBeforeMaintenance"))
                .isTrue();
        long without =
                Api.createPolicy(
                                Api.policy(
                                        Api.DAILY,
                                        "test",
                                        Map.of("result", "SUCCEEDED"),
                                        Api.namespaceTarget(array)))
                        .getLong("id");

        List<Long> queued = preMaintenance.pass();
        var runs =
                Await.until(
                        Duration.ofSeconds(15),
                        () -> Api.runs(policy),
                        rs ->
                                rs.size() == 2
                                        && rs.stream()
                                                .allMatch(r -> "SUCCEEDED".equals(r.get("state"))));
        assertThat(runs).extracting(r -> ((Number) r.get("id")).longValue()).containsAll(queued);
        assertThat(runs)
                .allSatisfy(
                        r ->
                                assertThat(r)
                                        .containsEntry("trigger", "PRE_MAINTENANCE")
                                        .containsEntry("ticketId", 4711)
                                        .containsEntry("requestedBy", "maintenance ticket 4711")
                                        .containsEntry(
                                                "expectedFireTime", acknowledged.toString()));
        assertThat(runs)
                .extracting(r -> ((Number) r.get("targetId")).longValue())
                .containsExactlyInAnyOrder(a, b);
        assertThat(Api.audit("backup-run", queued.get(0)))
                .extracting(e -> e.get("action"))
                .contains("queue-pre-maintenance");
        // the ticket is still ACKNOWLEDGED at the next pass: nothing more
        assertThat(preMaintenance.pass()).isEmpty();
        sleep(300);
        assertThat(Api.runs(policy)).hasSize(2);
        assertThat(Api.runs(without))
                .as("a policy that does not ask takes no backup before maintenance")
                .isEmpty();

        // maintenance-service down: the pass goes on and queues nothing for that array
        String down = Api.unique("HW-ACK-DOWN");
        MaintenanceStub.server.stubFor(
                get(urlPathEqualTo("/tickets"))
                        .withQueryParam("hardwareId", equalTo(down))
                        .atPriority(1)
                        .willReturn(
                                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                        .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        var body2 =
                Api.policy(
                        Api.DAILY,
                        "test",
                        Map.of("result", "SUCCEEDED"),
                        Api.namespaceTarget(down));
        body2.put("backupBeforeMaintenance", true);
        long policy2 = Api.createPolicy(body2).getLong("id");
        assertThat(preMaintenance.pass()).isEmpty();
        assertThat(Api.runs(policy2)).isEmpty();
    }

    @Test
    @DisplayName(
            "R-BK-1 the schedule fires by itself; resuming never fires the time missed while paused")
    void R_BK_1_schedule_fires_and_resume_skips_the_paused_time() {
        long target = Api.namespaceTarget("HW-K8S-1");
        long policy =
                Api.createPolicy(
                                Api.policy(
                                        "* * * * * ?",
                                        "test",
                                        Map.of("result", "SUCCEEDED"),
                                        target))
                        .getLong("id");
        try {
            Await.until(Duration.ofSeconds(10), () -> Api.runs(policy), rs -> rs.size() >= 2);
            given().auth()
                    .oauth2(Tokens.jpoAdmin())
                    .post("/policies/" + policy + "/pause")
                    .then()
                    .statusCode(200);
            Instant pausedAt = Instant.now();
            sleep(2500);
            Instant resumedAt = Instant.now();
            given().auth()
                    .oauth2(Tokens.supportVendor())
                    .post("/policies/" + policy + "/resume")
                    .then()
                    .statusCode(200);
            Await.until(
                    Duration.ofSeconds(10),
                    () -> Api.runs(policy),
                    rs ->
                            rs.stream()
                                    .anyMatch(
                                            r ->
                                                    Instant.parse(
                                                                    (String)
                                                                            r.get(
                                                                                    "expectedFireTime"))
                                                            .isAfter(resumedAt)));
            given().auth()
                    .oauth2(Tokens.jpoAdmin())
                    .post("/policies/" + policy + "/pause")
                    .then()
                    .statusCode(200);
            var runs = Api.runs(policy);
            assertThat(runs)
                    .allSatisfy(
                            r -> {
                                assertThat(r.get("trigger")).isEqualTo("SCHEDULE");
                                Instant expected =
                                        Instant.parse((String) r.get("expectedFireTime"));
                                assertThat(expected.getNano()).isZero();
                                assertThat(
                                                expected.isAfter(pausedAt.plusSeconds(1))
                                                        && expected.isBefore(resumedAt))
                                        .as("fire time %s falls in the pause", expected)
                                        .isFalse();
                            });
            assertThat(runs.stream().map(r -> r.get("expectedFireTime")).distinct())
                    .hasSameSizeAs(runs);
        } finally {
            given().auth().oauth2(Tokens.jpoAdmin()).post("/policies/" + policy + "/pause");
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
