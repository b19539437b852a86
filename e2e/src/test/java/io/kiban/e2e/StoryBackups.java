package io.kiban.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Step 3: support-vendor protects one target on each disk array of both environments — the
 * Kubernetes array's namespaces through Velero (the fake Velero of {@link Mocks} completes the
 * Backup objects), the virtualization array's VMs through the array's own REST API (WireMock,
 * {@link Mocks#array}) — runs the policies, sees a green RPO report, then one run fails (Velero
 * reports Failed) and shows up in the run ledger and the target's status (R-BK-3), while the report
 * stays green because the last good backup is recent. The copies on the arrays are what step 6's
 * removal gate must account for (R-BK-5).
 */
final class StoryBackups {

    private static final Set<String> TERMINAL =
            Set.of(
                    "SUCCEEDED",
                    "PARTIALLY_FAILED",
                    "FAILED",
                    "MISSED",
                    "SKIPPED_OVERLAP",
                    "SKIPPED_BLACKOUT",
                    "SKIPPED_HOLD",
                    "PRUNED");

    /** daily at 03:00 JST: the interval the RPO (1.5 × interval = 36 h) is derived from */
    static final String DAILY_CRON = "0 0 3 * * ?";

    static final long DAILY_RPO_SECONDS = 36 * 3600;

    private StoryBackups() {}

    /** The target names of this story, by environment (velero: namespace; http: VM). */
    static String namespaceTarget(String env) {
        return "ai-ocr-" + env.toLowerCase();
    }

    static String vmTarget(String env) {
        return "dwh-vm-" + env.toLowerCase();
    }

    static void step3Backups() {
        List<Long> k8sTargets = new ArrayList<>();
        List<Long> vmTargets = new ArrayList<>();
        for (String env : List.of("PRODUCTION", "STAGING")) {
            long k8sArray = array(env, "K8S-ARRAY", 0);
            long virtArray = array(env, "VIRT-ARRAY", 1);
            long k8s =
                    createTarget(
                            "K8S_ARRAY",
                            k8sArray,
                            env,
                            "NAMESPACE",
                            namespaceTarget(env),
                            "app=ai-ocr");
            long vm = createTarget("VIRT_ARRAY", virtArray, env, "VM", vmTarget(env), null);
            k8sTargets.add(k8s);
            vmTargets.add(vm);
        }
        StoryState.BACKUP_TARGETS.addAll(k8sTargets);
        StoryState.BACKUP_TARGETS.addAll(vmTargets);

        // the virtualization array's backup API: a snapshot job per VM, polled until COMPLETED
        var array = Suite.get().mocks.array;
        array.stubFor(
                post(urlPathMatching("/api/v1/vms/[^/]+/backups"))
                        .willReturn(
                                aResponse()
                                        .withStatus(202)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"jobId\":\"snap-{{jsonPath request.body '$.run'}}\"}")
                                        .withTransformers("response-template")));
        array.stubFor(
                get(urlPathMatching("/api/v1/jobs/snap-[0-9]+"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"state\":\"COMPLETED\",\"bytes\":1073741824}")));

        // a driver setting the driver rejects answers 400 naming the field, and creates nothing
        Api.as(Tokens.SUPPORT, "backup")
                .body(
                        policy(
                                "broken",
                                vmTargets,
                                "http",
                                Map.of("url", "ftp://array.invalid/backup")))
                .post("/policies")
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("driverSettings.url"));

        long veleroPolicy =
                createPolicy(
                        policy(
                                "namespaces-daily-velero",
                                k8sTargets,
                                "velero",
                                Map.of("storageLocation", "default", "snapshotVolumes", true)));
        Map<String, Object> vmPolicy =
                policy(
                        "vms-daily-array",
                        vmTargets,
                        "http",
                        Map.of(
                                "url",
                                        Suite.get().mocks.arrayUrl()
                                                + "/api/v1/vms/${target.name}/backups",
                                "method", "POST",
                                "body",
                                        "{\"run\":${run.id},\"vm\":\"${target.name}\",\"level\":\"${level}\"}",
                                "referencePointer", "/jobId",
                                "jobUrl",
                                        Suite.get().mocks.arrayUrl() + "/api/v1/jobs/${reference}",
                                "statusPointer", "/state",
                                "successValues", List.of("COMPLETED"),
                                "failureValues", List.of("FAILED"),
                                "bytesPointer", "/bytes"));
        vmPolicy.put("backupBeforeMaintenance", true);
        long httpPolicy = createPolicy(vmPolicy);
        StoryState.BACKUP_POLICIES.add(veleroPolicy);
        StoryState.BACKUP_POLICIES.add(httpPolicy);

        // R-BK-1: each policy is on the clustered scheduler, next at 03:00 in Tokyo
        for (long policyId : List.of(veleroPolicy, httpPolicy)) {
            var p =
                    Api.as(Tokens.SUPPORT, "backup")
                            .get("/policies/" + policyId)
                            .then()
                            .statusCode(200)
                            .header("ETag", org.hamcrest.Matchers.notNullValue())
                            .extract();
            Instant next = Instant.parse(p.path("nextFireTime"));
            assertThat(next.atZone(java.time.ZoneId.of("Asia/Tokyo")).getHour())
                    .as("next fire time " + next)
                    .isEqualTo(3);
            assertThat(p.<String>path("timeZone")).isEqualTo("Asia/Tokyo");
        }

        // run both now (the daily trigger is hours away on the suite's clock); a retry with the
        // same
        // Idempotency-Key queues nothing more
        String key = UUID.randomUUID().toString();
        var first = runNow(veleroPolicy, null, key);
        var replay = runNow(veleroPolicy, null, key);
        assertThat(replay.<String>path("requestedAt")).isEqualTo(first.<String>path("requestedAt"));
        runNow(httpPolicy, null, UUID.randomUUID().toString());

        List<Map<String, Object>> veleroRuns = awaitRuns(veleroPolicy, 2, r -> true);
        List<Map<String, Object>> httpRuns = awaitRuns(httpPolicy, 2, r -> true);
        for (Map<String, Object> run : concat(veleroRuns, httpRuns)) {
            assertThat(run.get("state")).as("run " + run).isEqualTo("SUCCEEDED");
            assertThat(run.get("trigger")).isEqualTo("MANUAL");
            assertThat(run.get("driverReference")).as("the copy's reference: " + run).isNotNull();
        }
        assertThat(veleroRuns)
                .as("one run per target, none twice (the replayed request queued nothing)")
                .extracting(r -> ((Number) r.get("targetId")).longValue())
                .containsExactlyInAnyOrderElementsOf(k8sTargets);
        assertThat(httpRuns)
                .extracting(r -> ((Number) r.get("targetId")).longValue())
                .containsExactlyInAnyOrderElementsOf(vmTargets);
        assertThat(httpRuns)
                .allSatisfy(
                        r -> {
                            assertThat(((Number) r.get("bytes")).longValue())
                                    .isEqualTo(1073741824L);
                            assertThat((String) r.get("driverReference"))
                                    .isEqualTo("snap-" + r.get("id"));
                        });

        // what the drivers did on the "arrays": Velero Backup objects of the namespaces, array API
        // calls
        for (Map<String, Object> run : veleroRuns) {
            GenericKubernetesResource backup =
                    Suite.get()
                            .mocks
                            .client
                            .genericKubernetesResources(Mocks.VELERO_BACKUP)
                            .inNamespace("velero")
                            .withName((String) run.get("driverReference"))
                            .get();
            assertThat(backup).as("Velero Backup " + run.get("driverReference")).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> spec =
                    (Map<String, Object>) backup.getAdditionalProperties().get("spec");
            String env =
                    ((Number) run.get("targetId")).longValue() == k8sTargets.get(0)
                            ? "PRODUCTION"
                            : "STAGING";
            assertThat(spec.get("includedNamespaces")).isEqualTo(List.of(namespaceTarget(env)));
            assertThat(spec.get("labelSelector"))
                    .isEqualTo(Map.of("matchLabels", Map.of("app", "ai-ocr")));
        }
        for (Map<String, Object> run : httpRuns) {
            String vm =
                    (String)
                            Api.as(Tokens.SUPPORT, "backup")
                                    .get("/targets/" + run.get("targetId"))
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .path("name");
            array.verify(
                    1,
                    postRequestedFor(urlPathEqualTo("/api/v1/vms/" + vm + "/backups"))
                            .withRequestBody(
                                    matchingJsonPath(
                                            "$.run", equalTo(String.valueOf(run.get("id")))))
                            .withRequestBody(matchingJsonPath("$.level", equalTo("FULL"))));
        }

        // R-BK-3: the RPO report is green — none of the story's targets is stale
        assertThat(rpoBreaches())
                .as("RPO report")
                .doesNotContainAnyElementsOf(StoryState.BACKUP_TARGETS);
        for (long targetId : StoryState.BACKUP_TARGETS) {
            var status =
                    Api.as(Tokens.JPO_ADMIN, "backup")
                            .get("/targets/" + targetId + "/status")
                            .then()
                            .statusCode(200)
                            .extract();
            assertThat(status.<Boolean>path("rpoBreached")).isFalse();
            assertThat(status.<Number>path("rpoSeconds").longValue()).isEqualTo(DAILY_RPO_SECONDS);
            assertThat(status.<String>path("lastSuccessAt")).isNotNull();
            assertThat(status.<Number>path("failedRuns").longValue()).isZero();
        }

        // one run fails: the storage location is unavailable for the production namespace's next
        // backup
        long failing = k8sTargets.get(0);
        String fragment = namespaceTarget("PRODUCTION");
        Suite.get().mocks.failVelero.add(fragment);
        List<Map<String, Object>> failed;
        try {
            runNow(veleroPolicy, failing, UUID.randomUUID().toString());
            failed = awaitRuns(veleroPolicy, 1, r -> "FAILED".equals(r.get("state")));
        } finally {
            Suite.get().mocks.failVelero.remove(fragment);
        }
        Map<String, Object> failedRun = failed.get(0);
        assertThat(((Number) failedRun.get("targetId")).longValue()).isEqualTo(failing);
        assertThat((String) failedRun.get("error"))
                .contains("Failed")
                .contains("storage location unavailable");

        // it shows up: in the ledger (by state), in the target's status, to JPO as well as to
        // support
        List<Map<String, Object>> ledgerFailed =
                Api.as(Tokens.JPO_STAFF, "backup")
                        .queryParam("targetId", failing)
                        .queryParam("state", "FAILED")
                        .get("/runs")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$");
        assertThat(ledgerFailed).extracting(r -> r.get("id")).containsExactly(failedRun.get("id"));
        var status =
                Api.as(Tokens.JPO_ADMIN, "backup")
                        .get("/targets/" + failing + "/status")
                        .then()
                        .statusCode(200)
                        .extract();
        assertThat(status.<String>path("lastRunState")).isEqualTo("FAILED");
        assertThat(status.<Number>path("failedRuns").longValue()).isEqualTo(1);
        assertThat(status.<String>path("lastFailedAt")).isNotNull();
        assertThat(status.<Number>path("lastSuccessRunId").longValue())
                .as("the last good copy is still the earlier run")
                .isEqualTo(
                        veleroRuns.stream()
                                .filter(r -> ((Number) r.get("targetId")).longValue() == failing)
                                .map(r -> ((Number) r.get("id")).longValue())
                                .findFirst()
                                .orElseThrow());
        // and in the metrics Prometheus scrapes (R-BK-3 alerting)
        String metrics =
                Api.anonymous("backup")
                        .accept("text/plain")
                        .get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(
                        metrics.lines()
                                .filter(
                                        l ->
                                                l.startsWith("kiban_backup_runs_failed_total{")
                                                        && l.contains("target=\"" + failing + "\""))
                                .toList())
                .as("failed-runs counter of target " + failing)
                .singleElement()
                .satisfies(
                        l ->
                                assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                                        .isEqualTo(1.0));
        assertThat(metrics).contains("kiban_backup_last_success_timestamp_seconds{");
        // the last success is recent, so the RPO report stays green
        assertThat(rpoBreaches()).doesNotContain(failing);

        // R-BK-5: the four good copies are held on the arrays, not yet accounted for (media not
        // destroyed)
        for (String env : List.of("PRODUCTION", "STAGING")) {
            List<Map<String, Object>> copies =
                    Api.all(
                            Tokens.JPO_ADMIN,
                            "backup",
                            "/reports/backup-copies",
                            Map.of("environment", env));
            List<Object> ours =
                    copies.stream()
                            .map(c -> c.get("targetId"))
                            .filter(
                                    t ->
                                            StoryState.BACKUP_TARGETS.contains(
                                                    ((Number) t).longValue()))
                            .toList();
            assertThat(ours).as(env + " copies " + copies).hasSize(2);
            assertThat(copies).allSatisfy(c -> assertThat(c.get("accountedFor")).isEqualTo(false));
        }

        restoreDrillWithEvidence(httpRuns.get(0));
        backupBeforeMaintenance(httpPolicy, vmTargets.get(0), array("PRODUCTION", "VIRT-ARRAY", 1));
    }

    /** R-BK-4: support restores a VM from its copy and files the drill with its evidence file. */
    private static void restoreDrillWithEvidence(Map<String, Object> run) {
        long drill =
                ((Number)
                                Api.as(Tokens.SUPPORT, "backup")
                                        .body(
                                                Map.of(
                                                        "targetId",
                                                        run.get("targetId"),
                                                        "runId",
                                                        run.get("id"),
                                                        "durationSeconds",
                                                        1260,
                                                        "result",
                                                        "SUCCEEDED",
                                                        "notes",
                                                        "VM restored beside the original; OCR answered a test request"))
                                        .post("/restore-drills")
                                        .then()
                                        .statusCode(201)
                                        .extract()
                                        .path("id"))
                        .longValue();
        byte[] pdf =
                ("%PDF-1.4\n% restore drill " + drill + ": console log and checks\n%%EOF\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha =
                Api.as(Tokens.SUPPORT, "backup")
                        .contentType("application/pdf")
                        .body(pdf)
                        .queryParam("fileName", "restore-drill-" + drill + ".pdf")
                        .put("/restore-drills/" + drill + "/evidence")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("evidenceFile.sha256");
        byte[] back =
                Api.as(Tokens.AUDITOR, "backup")
                        .accept("application/octet-stream, application/problem+json")
                        .get("/restore-drills/" + drill + "/evidence")
                        .then()
                        .statusCode(200)
                        .header("X-Uploaded-Content-Type", "application/pdf")
                        .header(
                                "Repr-Digest",
                                "sha-256=:"
                                        + java.util.Base64.getEncoder()
                                                .encodeToString(
                                                        java.util.HexFormat.of().parseHex(sha))
                                        + ":")
                        .extract()
                        .asByteArray();
        assertThat(back).isEqualTo(pdf);
        List<Map<String, Object>> report =
                Api.all(Tokens.JPO_STAFF, "backup", "/reports/restore-drills", Map.of());
        assertThat(report)
                .filteredOn(l -> run.get("targetId").equals(l.get("targetId")))
                .singleElement()
                .satisfies(l -> assertThat(l.get("lastSuccessfulDrillId")).isEqualTo((int) drill));
    }

    /**
     * The backup before maintenance: vendor-a acknowledges a ticket on the production
     * virtualization array; the policy that asks for it backs up the array's VM once, before the
     * work starts (trigger PRE_MAINTENANCE).
     */
    private static void backupBeforeMaintenance(long policyId, long vmTarget, long virtArray) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("hardwareId", String.valueOf(virtArray));
        ticket.put("severity", "S3");
        ticket.put("faultClass", "FIRMWARE");
        ticket.put("description", "controller firmware update announced by the array vendor");
        ticket.put("occurredAt", Suite.get().clockStartAt());
        var filed =
                Api.as(Tokens.VENDOR_A, "maintenance")
                        .body(ticket)
                        .post("/tickets")
                        .then()
                        .statusCode(201)
                        .extract();
        String path = "/tickets/" + ((Number) filed.path("id")).longValue();
        String etag =
                Api.as(Tokens.VENDOR_A, "maintenance")
                        .header("If-Match", filed.header("ETag"))
                        .body(Map.of("to", "ACKNOWLEDGED"))
                        .post(path + "/transitions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag");
        long ticketId = ((Number) filed.path("id")).longValue();
        List<Map<String, Object>> pre =
                awaitRuns(policyId, 1, r -> "PRE_MAINTENANCE".equals(r.get("trigger")));
        assertThat(pre)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.get("state")).isEqualTo("SUCCEEDED");
                            assertThat(((Number) r.get("targetId")).longValue())
                                    .isEqualTo(vmTarget);
                            assertThat(((Number) r.get("ticketId")).longValue())
                                    .isEqualTo(ticketId);
                        });
        // the work is called off; the copy stays in the ledger like any other
        Api.as(Tokens.VENDOR_A, "maintenance")
                .header("If-Match", etag)
                .body(
                        Map.of(
                                "to",
                                "CANCELLED",
                                "note",
                                "firmware update postponed by the array vendor"))
                .post(path + "/transitions")
                .then()
                .statusCode(200);
    }

    /**
     * The hardware id of the environment's disk array for a baseline item (or the n-th disk array).
     */
    static long array(String env, String baselineItem, int fallbackIndex) {
        List<Map<String, Object>> arrays =
                Api.as(Tokens.SUPPORT, "asset")
                        .queryParam("environment", env)
                        .queryParam("baselineItem", baselineItem)
                        .queryParam("size", 200)
                        .get("/hardware")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$");
        if (arrays.isEmpty()) {
            arrays =
                    Api.as(Tokens.SUPPORT, "asset")
                            .queryParam("environment", env)
                            .queryParam("class", "DISK_ARRAY")
                            .queryParam("size", 200)
                            .get("/hardware")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("$");
            assertThat(arrays)
                    .as("step 1 registers the disk arrays of " + env)
                    .hasSizeGreaterThan(fallbackIndex);
            return ((Number) arrays.get(fallbackIndex).get("id")).longValue();
        }
        return ((Number) arrays.get(0).get("id")).longValue();
    }

    private static long createTarget(
            String array,
            long arrayHardwareId,
            String env,
            String kind,
            String name,
            String pvcSelector) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("array", array);
        body.put("arrayHardwareId", String.valueOf(arrayHardwareId));
        body.put("environment", env);
        body.put("kind", kind);
        body.put("name", name);
        if (pvcSelector != null) {
            body.put("pvcSelector", pvcSelector);
        }
        body.put("description", "e2e story: " + name);
        return ((Number)
                        Api.as(Tokens.SUPPORT, "backup")
                                .body(body)
                                .post("/targets")
                                .then()
                                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                                .extract()
                                .path("id"))
                .longValue();
    }

    private static Map<String, Object> policy(
            String name, List<Long> targets, String driver, Map<String, Object> settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("cron", DAILY_CRON);
        body.put("timeZone", "Asia/Tokyo");
        body.put("level", "FULL");
        body.put("retention", Map.of("keepLast", 7, "daily", 7, "weekly", 4));
        body.put("completionWindowMinutes", 60);
        body.put("targetIds", targets);
        body.put("driver", driver);
        body.put("driverSettings", settings);
        return body;
    }

    private static long createPolicy(Map<String, Object> body) {
        return ((Number)
                        Api.as(Tokens.SUPPORT, "backup")
                                .body(body)
                                .post("/policies")
                                .then()
                                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                                .extract()
                                .path("id"))
                .longValue();
    }

    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response>
            runNow(long policyId, Long targetId, String key) {
        var req = Api.as(Tokens.SUPPORT, "backup").header("Idempotency-Key", key);
        if (targetId != null) {
            req.queryParam("targetId", targetId);
        }
        return req.post("/policies/" + policyId + "/runs").then().statusCode(202).extract();
    }

    /**
     * Polls the run ledger until {@code n} runs of the policy matching {@code which} are all
     * terminal.
     */
    static List<Map<String, Object>> awaitRuns(
            long policyId, int n, Predicate<Map<String, Object>> which) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        List<Map<String, Object>> runs = List.of();
        while (Instant.now().isBefore(deadline)) {
            runs =
                    Api.as(Tokens.SUPPORT, "backup")
                            .queryParam("policyId", policyId)
                            .queryParam("size", 200)
                            .get("/runs")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("$");
            List<Map<String, Object>> done =
                    runs.stream()
                            .filter(which)
                            .filter(r -> TERMINAL.contains((String) r.get("state")))
                            .toList();
            boolean running =
                    runs.stream().anyMatch(r -> !TERMINAL.contains((String) r.get("state")));
            if (done.size() >= n && !running) {
                return done;
            }
            Suite.sleep(300);
        }
        throw new AssertionError(
                "policy " + policyId + ": expected " + n + " finished runs, ledger: " + runs);
    }

    static List<Long> rpoBreaches() {
        List<Map<String, Object>> report =
                Api.all(Tokens.JPO_ADMIN, "backup", "/reports/rpo", Map.of());
        return report.stream().map(s -> ((Number) s.get("targetId")).longValue()).toList();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
