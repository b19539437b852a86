package io.kiban.backup.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.backup.scheduling.CronGroupFireJob;
import io.kiban.backup.scheduling.PolicyFireJob;
import io.kiban.backup.scheduling.PolicyScheduler;
import io.kiban.backup.scheduling.Reconciler;
import io.kiban.backup.support.Api;
import io.kiban.backup.support.Await;
import io.kiban.backup.support.MaintenanceStub;
import io.kiban.backup.support.TestDriver;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

/** The reliability tests of issue 5: two schedulers, a dead instance, a service that was down. */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class ClusterReliabilityTest {

    @Inject Scheduler quarkusScheduler;

    @Inject RunExecutor executor;

    @Inject Reconciler reconciler;

    @Inject RunLedger ledger;

    @Inject TestDriver driver;

    /** Plain JDBC connections for the second scheduler (it has no container). */
    public static class SecondConnections implements org.quartz.utils.ConnectionProvider {
        static String url;
        static String user;
        static String password;

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public void shutdown() {}

        @Override
        public void initialize() {}
    }

    /** Counts executions per (job, scheduled fire time) on whichever scheduler ran them. */
    static class FireCounter implements JobListener {
        final Map<String, AtomicInteger> fires = new ConcurrentHashMap<>();
        final Map<String, String> instances = new ConcurrentHashMap<>();

        @Override
        public String getName() {
            return "fire-counter-" + System.identityHashCode(this);
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
            if (!PolicyScheduler.CRON_GROUP.equals(context.getJobDetail().getKey().getGroup())) {
                return;
            }
            String key =
                    context.getJobDetail().getKey().getName()
                            + "@"
                            + context.getScheduledFireTime().toInstant();
            fires.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            try {
                instances.put(key, context.getScheduler().getSchedulerInstanceId());
            } catch (org.quartz.SchedulerException e) {
                instances.put(key, "?");
            }
        }

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {}

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {}
    }

    @Test
    @DisplayName("R-BK-1 two schedulers on the same database: each fire time runs once")
    void R_BK_1_two_clustered_schedulers_fire_each_time_once() throws Exception {
        var config = ConfigProvider.getConfig();
        SecondConnections.url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        SecondConnections.user = config.getValue("quarkus.datasource.username", String.class);
        SecondConnections.password = config.getValue("quarkus.datasource.password", String.class);
        String name = quarkusScheduler.getSchedulerName();
        Properties p = new Properties();
        p.put("org.quartz.scheduler.instanceName", name);
        p.put("org.quartz.scheduler.instanceId", "second-instance");
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        p.put("org.quartz.threadPool.threadCount", "5");
        p.put("org.quartz.scheduler.idleWaitTime", "1000");
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put(
                "org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.put("org.quartz.jobStore.dataSource", "second");
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.clusterCheckinInterval", "1000");
        p.put("org.quartz.jobStore.useProperties", "true");
        p.put("org.quartz.jobStore.misfireThreshold", "60000");
        p.put(
                "org.quartz.dataSource.second.connectionProvider.class",
                SecondConnections.class.getName());
        // the scheduler repository is keyed by name and the Quarkus scheduler has ours: step it
        // aside
        SchedulerRepository repository = SchedulerRepository.getInstance();
        Scheduler registered = repository.lookup(name);
        repository.remove(name);
        Scheduler second;
        try {
            second = new StdSchedulerFactory(p).getScheduler();
        } finally {
            repository.remove(name);
            if (registered != null) {
                repository.bind(registered);
            }
        }
        second.setJobFactory(
                (bundle, s) -> {
                    String job = bundle.getJobDetail().getJobClass().getName();
                    if (job.equals(PolicyFireJob.class.getName())) {
                        return new PolicyFireJob(executor);
                    }
                    return job.equals(CronGroupFireJob.class.getName())
                            ? new CronGroupFireJob(executor)
                            : ctx -> {};
                });
        FireCounter counter = new FireCounter();
        quarkusScheduler
                .getListenerManager()
                .addJobListener(counter, GroupMatcher.jobGroupEquals(PolicyScheduler.CRON_GROUP));
        second.getListenerManager()
                .addJobListener(counter, GroupMatcher.jobGroupEquals(PolicyScheduler.CRON_GROUP));
        second.start();
        // three schedules firing every second (three spellings, so three triggers): while one
        // instance waits to
        // fire the trigger it acquired, the other can acquire the next, so both take part
        List<Long> policies = new java.util.ArrayList<>();
        List<String> crons = List.of("* * * * * ?", "0/1 * * * * ?", "*/1 * * * * ?");
        Set<String> groups =
                crons.stream()
                        .map(c -> PolicyScheduler.groupName(c, "Asia/Tokyo"))
                        .collect(Collectors.toSet());
        try {
            for (String cron : crons) {
                long target = Api.namespaceTarget("HW-K8S-1");
                policies.add(
                        Api.createPolicy(
                                        Api.policy(
                                                cron,
                                                "test",
                                                Map.of("result", "SUCCEEDED"),
                                                target))
                                .getLong("id"));
            }
            Await.until(
                    Duration.ofSeconds(25),
                    () -> policies.stream().mapToInt(id -> Api.runs(id).size()).sum(),
                    n -> n >= 18);
        } finally {
            for (long id : policies) {
                given().auth()
                        .oauth2(Tokens.jpoAdmin())
                        .post("/policies/" + id + "/pause")
                        .then()
                        .statusCode(200);
            }
            Thread.sleep(1500);
            second.shutdown(true);
            quarkusScheduler.getListenerManager().removeJobListener(counter.getName());
        }
        Map<String, Integer> fires = new TreeMap<>();
        counter.fires.forEach(
                (k, v) -> {
                    if (groups.contains(k.substring(0, k.indexOf('@')))) {
                        fires.put(k, v.get());
                    }
                });
        Map<String, Long> byInstance =
                counter.instances.entrySet().stream()
                        .filter(
                                e ->
                                        groups.contains(
                                                e.getKey().substring(0, e.getKey().indexOf('@'))))
                        .collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.counting()));
        System.out.println("R-BK-1 fire times by scheduler instance: " + byInstance);
        assertThat(fires).hasSizeGreaterThanOrEqualTo(18);
        assertThat(fires.values()).as("executions per fire time").containsOnly(1);
        assertThat(byInstance.keySet())
                .isSubsetOf(Set.of(quarkusScheduler.getSchedulerInstanceId(), "second-instance"));
        for (long policy : policies) {
            var runs = Api.runs(policy);
            assertThat(runs.stream().map(r -> r.get("expectedFireTime")).distinct())
                    .hasSameSizeAs(runs);
            for (var run : runs) {
                if ("SUCCEEDED".equals(run.get("state"))) {
                    assertThat(driver.backups(((Number) run.get("id")).longValue())).isEqualTo(1);
                }
            }
        }
    }

    @Test
    @DisplayName(
            "R-BK-3 a run left RUNNING by an instance that died becomes FAILED with the reason")
    void R_BK_3_run_of_a_dead_instance_becomes_failed() throws Exception {
        long target = Api.namespaceTarget("HW-K8S-1");
        long policy =
                Api.createPolicy(
                                Api.policy(
                                        Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target))
                        .getLong("id");
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(20));
        long runId;
        try (var c = TestDatabase.connect();
                PreparedStatement s =
                        c.prepareStatement(
                                "insert into backup_run "
                                        + "(policy_id, target_id, expected_fire_time, trigger_kind, state, running_target_id, instance_id, "
                                        + "started_at, heartbeat_at, driver, recorded_at, version) values (?, ?, ?, 'SCHEDULE', 'RUNNING', ?, "
                                        + "'dead-node', ?, ?, 'test', ?, 0)",
                                PreparedStatement.RETURN_GENERATED_KEYS)) {
            Timestamp t = utc(longAgo);
            s.setLong(1, policy);
            s.setLong(2, target);
            s.setTimestamp(3, t);
            s.setLong(4, target);
            s.setTimestamp(5, t);
            s.setTimestamp(6, t);
            s.setTimestamp(7, t);
            s.executeUpdate();
            var keys = s.getGeneratedKeys();
            keys.next();
            runId = keys.getLong(1);
        }
        // while it is RUNNING, another run of the target overlaps
        Api.runNow(policy);
        assertThat(
                        Api.awaitRuns(policy, 1).stream()
                                .filter(r -> "MANUAL".equals(r.get("trigger")))
                                .findFirst()
                                .orElseThrow())
                .containsEntry("state", "SKIPPED_OVERLAP");
        reconciler.reconcile();
        var run =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/runs/" + runId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(run.getString("state")).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("dead-node").contains("stopped heartbeating");
        assertThat(Api.audit("backup-run", runId))
                .as("the reconciler's decision is in the audit trail")
                .anySatisfy(
                        e ->
                                assertThat(e)
                                        .containsEntry("action", "abandon")
                                        .containsEntry("actorName", "system"));
        // the target is free again
        Api.runNow(policy);
        Await.until(
                Duration.ofSeconds(15),
                () -> Api.runs(policy),
                rs -> rs.stream().anyMatch(r -> "SUCCEEDED".equals(r.get("state"))));
        given().auth()
                .oauth2(Tokens.jpoStaff())
                .get("/targets/" + target + "/status")
                .then()
                .statusCode(200)
                .body("failedRuns", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    @DisplayName(
            "R-BK-3 the service down across two fire times: both appear as MISSED after the reconciler runs")
    void R_BK_3_fire_times_passed_while_down_are_missed() throws Exception {
        long target = Api.namespaceTarget("HW-K8S-1");
        long policy =
                Api.createPolicy(
                                Api.policy(
                                        Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target))
                        .getLong("id");
        List<Instant> expected = seedDowntime(policy);
        reconciler.reconcile();
        var runs = Api.runs(policy);
        assertThat(runs).extracting(r -> r.get("state")).containsOnly("MISSED");
        assertThat(runs)
                .extracting(r -> Instant.parse((String) r.get("expectedFireTime")))
                .containsExactlyInAnyOrderElementsOf(expected);
        reconciler.reconcile();
        assertThat(Api.runs(policy)).hasSize(2);
        assertThat(Api.audit("backup-target", target))
                .as("the MISSED fire times are in the audit trail")
                .filteredOn(e -> "record-missed".equals(e.get("action")))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("actorName", "system"));
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/targets/" + target + "/status")
                .then()
                .statusCode(200)
                .body("missedRuns", org.hamcrest.Matchers.equalTo(2))
                .body("lastSuccessAt", org.hamcrest.Matchers.nullValue())
                .body("rpoBreached", org.hamcrest.Matchers.equalTo(true));
        assertThat(Api.allPages(Tokens.jpoStaff(), "/reports/rpo", Map.of()))
                .extracting(s -> ((Number) s.get("targetId")).longValue())
                .contains(target);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(
                        org.hamcrest.Matchers.containsString(
                                "kiban_backup_runs_missed_total{target=\"" + target + "\"} 2.0"));
    }

    @Test
    @DisplayName(
            "R-BK-3 after an outage at most one catch-up run per target starts, when the policy asks")
    void R_BK_3_one_catch_up_run_per_target() throws Exception {
        long target = Api.namespaceTarget("HW-K8S-1");
        var body = Api.policy(Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target);
        body.put("catchUp", true);
        long policy = Api.createPolicy(body).getLong("id");
        seedDowntime(policy);
        var summary = reconciler.reconcile();
        assertThat(summary.catchUps()).isGreaterThanOrEqualTo(1);
        Await.until(
                Duration.ofSeconds(15),
                () -> Api.runs(policy),
                rs -> rs.stream().anyMatch(r -> "SUCCEEDED".equals(r.get("state"))));
        reconciler.reconcile();
        FiringTest.sleep(500);
        var runs = Api.runs(policy);
        assertThat(runs.stream().filter(r -> "CATCH_UP".equals(r.get("trigger")))).hasSize(1);
        assertThat(runs.stream().filter(r -> "MISSED".equals(r.get("state")))).hasSize(2);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(
                        org.hamcrest.Matchers.containsString(
                                "kiban_backup_last_success_timestamp_seconds{name="));
    }

    @Test
    @DisplayName(
            "R-BK-3 a queued run is SCHEDULED in the ledger until it starts; one no instance starts becomes MISSED")
    void R_BK_3_queued_run_is_scheduled_then_missed_when_never_started() {
        long target = Api.namespaceTarget("HW-K8S-1");
        long policy =
                Api.createPolicy(
                                Api.policy(
                                        Api.DAILY, "test", Map.of("result", "SUCCEEDED"), target))
                        .getLong("id");
        // queued as "run now" would, but no trigger fires it (the instance that queued it died,
        // say)
        Instant at =
                Instant.now()
                        .minus(Duration.ofSeconds(10))
                        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        long runId =
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        ledger.schedule(
                                                        policy,
                                                        target,
                                                        at,
                                                        BackupRun.Trigger.MANUAL,
                                                        "test",
                                                        "support1",
                                                        null,
                                                        null)
                                                .orElseThrow()
                                                .id);
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/runs/" + runId)
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("SCHEDULED"))
                .body("startedAt", org.hamcrest.Matchers.nullValue());
        reconciler.reconcile();
        given().auth()
                .oauth2(Tokens.auditor())
                .get("/runs/" + runId)
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("SCHEDULED"));
        reconciler.reconcile(Instant.now().plus(Duration.ofMinutes(1)));
        var run =
                given().auth()
                        .oauth2(Tokens.auditor())
                        .get("/runs/" + runId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(run.getString("state")).isEqualTo("MISSED");
        assertThat(run.getString("error")).contains("no instance started it");
        assertThat(Api.audit("backup-run", runId))
                .extracting(e -> e.get("action"))
                .contains("record-missed");
        // the late trigger then finds the run settled and starts nothing
        assertThat(
                        ledger.open(
                                policy,
                                target,
                                at,
                                BackupRun.Trigger.MANUAL,
                                "test",
                                "support1",
                                "late-node",
                                null,
                                null))
                .isEmpty();
    }

    /**
     * Moves the policy's creation back so that exactly two daily fire times passed "while down":
     * just after the fire time before them, so the last success is also overdue by more than 1.5
     * intervals.
     */
    private static List<Instant> seedDowntime(long policy) throws Exception {
        Instant graceEdge = Instant.now().minus(Duration.ofSeconds(31));
        var cron =
                io.kiban.backup.support.Crons.between(
                        Api.DAILY,
                        "Asia/Tokyo",
                        graceEdge.minus(Duration.ofDays(3)),
                        graceEdge,
                        10);
        Instant last = cron.get(cron.size() - 1);
        Instant previous = cron.get(cron.size() - 2);
        Instant before = cron.get(cron.size() - 3);
        try (var c = TestDatabase.connect();
                PreparedStatement s =
                        c.prepareStatement(
                                "update backup_policy set schedule_from = ?, created_at = ?, reconciled_until = null where id = ?")) {
            Timestamp from = utc(before.plus(Duration.ofMinutes(1)));
            s.setTimestamp(1, from);
            s.setTimestamp(2, from);
            s.setLong(3, policy);
            s.executeUpdate();
        }
        return List.of(previous, last);
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
