package io.kiban.backup.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kiban.backup.support.Await;
import io.kiban.backup.support.MaintenanceStub;
import io.kiban.commons.testing.OidcTestServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * velero and csi-snapshot against the fabric8 mock API server in CRUD mode. Nothing there moves
 * {@code status}, so the tests play Velero's and the CSI snapshotter's controllers.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(MaintenanceStub.class)
@WithKubernetesTestServer(crud = true)
class KubernetesDriversTest {

    @KubernetesTestServer KubernetesServer server;

    @Inject VeleroDriver velero;

    @Inject CsiSnapshotDriver csi;

    private KubernetesClient client() {
        return server.getClient();
    }

    private BackupDriver.Outcome veleroWithPhase(String phase, Duration window) throws Exception {
        var target = DriverTestSupport.namespace("ocr", "app=ocr");
        var request =
                DriverTestSupport.request(target, Map.of("storageLocation", "array-k8s"), window);
        var progress = new DriverTestSupport.RecordingProgress();
        CompletableFuture<BackupDriver.Outcome> outcome =
                CompletableFuture.supplyAsync(() -> velero.backup(request, progress));
        String name = "kiban-ocr-" + request.runId();
        GenericKubernetesResource backup =
                Await.until(
                        Duration.ofSeconds(5),
                        () ->
                                client().genericKubernetesResources(VeleroDriver.BACKUP)
                                        .inNamespace("velero")
                                        .withName(name)
                                        .get(),
                        b -> b != null);
        @SuppressWarnings("unchecked")
        Map<String, Object> spec =
                (Map<String, Object>) backup.getAdditionalProperties().get("spec");
        assertThat(spec)
                .containsEntry("includedNamespaces", List.of("ocr"))
                .containsEntry("storageLocation", "array-k8s")
                .containsEntry("ttl", "192h0m0s");
        assertThat(backup.getMetadata().getLabels())
                .containsEntry("kiban.io/run", String.valueOf(request.runId()));
        if (phase != null) {
            Thread.sleep(300);
            client().genericKubernetesResources(VeleroDriver.BACKUP)
                    .inNamespace("velero")
                    .withName(name)
                    .edit(
                            b -> {
                                b.setAdditionalProperty("status", Map.of("phase", phase));
                                return b;
                            });
        }
        var result = outcome.get();
        assertThat(result.reference()).isEqualTo(name);
        assertThat(progress.references).containsExactly(name);
        return result;
    }

    @Test
    void velero_completed_is_succeeded() throws Exception {
        assertThat(veleroWithPhase("Completed", Duration.ofSeconds(10)).result())
                .isEqualTo(BackupDriver.Result.SUCCEEDED);
    }

    @Test
    void velero_partially_failed_is_partially_failed() throws Exception {
        assertThat(veleroWithPhase("PartiallyFailed", Duration.ofSeconds(10)).result())
                .isEqualTo(BackupDriver.Result.PARTIALLY_FAILED);
    }

    @Test
    void velero_failed_is_failed() throws Exception {
        var outcome = veleroWithPhase("Failed", Duration.ofSeconds(10));
        assertThat(outcome.result()).isEqualTo(BackupDriver.Result.FAILED);
        assertThat(outcome.error()).contains("Failed");
    }

    @Test
    void velero_that_never_finishes_fails_at_the_end_of_the_completion_window() throws Exception {
        var outcome = veleroWithPhase(null, Duration.ofMillis(800));
        assertThat(outcome.result()).isEqualTo(BackupDriver.Result.FAILED);
        assertThat(outcome.error()).contains("completion window");
    }

    private void backupObject(String name, Map<String, String> labels) {
        client().genericKubernetesResources(VeleroDriver.BACKUP)
                .inNamespace("velero")
                .resource(
                        new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                                .withApiVersion("velero.io/v1")
                                .withKind("Backup")
                                .withNewMetadata()
                                .withName(name)
                                .withNamespace("velero")
                                .withLabels(labels)
                                .endMetadata()
                                .build())
                .createOr(o -> o.update());
    }

    @Test
    void velero_prunes_with_a_delete_backup_request() {
        backupObject("kiban-ocr-1", Map.of("kiban.io/run", "1", "kiban.io/policy", "7"));
        velero.delete(DriverTestSupport.namespace("ocr", null), "kiban-ocr-1", Map.of());
        var requests =
                client().genericKubernetesResources(VeleroDriver.DELETE_REQUEST)
                        .inNamespace("velero")
                        .list()
                        .getItems();
        assertThat(requests)
                .anySatisfy(
                        r ->
                                assertThat(r.getAdditionalProperties().get("spec"))
                                        .isEqualTo(Map.of("backupName", "kiban-ocr-1")));
        // asked twice (a retried prune): no error, still one request
        velero.delete(DriverTestSupport.namespace("ocr", null), "kiban-ocr-1", Map.of());
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "SEC-BK-2 only Backups this service created (label kiban.io/run) are ever deleted")
    void SEC_BK_2_a_backup_not_created_by_the_service_is_never_deleted() {
        backupObject("nightly-by-ops", Map.of("team", "ops"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                velero.delete(
                                        DriverTestSupport.namespace("ocr", null),
                                        "nightly-by-ops",
                                        Map.of()))
                .hasMessageContaining("SEC-BK-2");
        assertThat(
                        client().genericKubernetesResources(VeleroDriver.DELETE_REQUEST)
                                .inNamespace("velero")
                                .list()
                                .getItems())
                .noneSatisfy(
                        r ->
                                assertThat(r.getAdditionalProperties().get("spec"))
                                        .isEqualTo(Map.of("backupName", "nightly-by-ops")));
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "SEC-BK-2 a namespace outside the allow-list, or a denied one, is never backed up")
    void SEC_BK_2_denied_namespace_creates_no_backup_object() {
        for (String ns : List.of("kube-system", "velero", "kiban-prod", "payroll")) {
            var request =
                    DriverTestSupport.request(
                            DriverTestSupport.namespace(ns, null), Map.of(), Duration.ofSeconds(2));
            var outcome = velero.backup(request, new DriverTestSupport.RecordingProgress());
            assertThat(outcome.result()).isEqualTo(BackupDriver.Result.FAILED);
            assertThat(outcome.error()).contains("SEC-BK-2").contains(ns);
            assertThat(
                            client().genericKubernetesResources(VeleroDriver.BACKUP)
                                    .inNamespace("velero")
                                    .withName("kiban-" + ns + "-" + request.runId())
                                    .get())
                    .isNull();
        }
        var elsewhere =
                DriverTestSupport.request(
                        DriverTestSupport.namespace("ocr", null),
                        Map.of("storageLocation", "attacker-bucket"),
                        Duration.ofSeconds(2));
        var outcome = velero.backup(elsewhere, new DriverTestSupport.RecordingProgress());
        assertThat(outcome.result()).isEqualTo(BackupDriver.Result.FAILED);
        assertThat(outcome.error()).contains("SEC-BK-2").contains("attacker-bucket");
        // globs: "*" is any characters, the deny-list wins over an allowed glob
        assertThat(VeleroDriver.glob("kiban-*", "kiban-prod")).isTrue();
        assertThat(VeleroDriver.glob("app-*", "app-")).isTrue();
        assertThat(VeleroDriver.glob("app-*", "xapp-1")).isFalse();
        assertThat(VeleroDriver.glob("a.b", "axb")).isFalse();
    }

    @Test
    void velero_and_csi_settings_are_validated() {
        assertThat(velero.validate(Map.of("storageLocation", 5)))
                .extracting(e -> e.field())
                .containsExactly("driverSettings.storageLocation");
        assertThat(csi.validate(Map.of()))
                .extracting(e -> e.field())
                .containsExactly("driverSettings.volumeSnapshotClass");
    }

    private BackupDriver.Outcome csiSnapshot(String namespace, Map<String, Object> status)
            throws Exception {
        for (String pvc : List.of("data", "index", "scratch")) {
            client().persistentVolumeClaims()
                    .inNamespace(namespace)
                    .resource(
                            new PersistentVolumeClaimBuilder()
                                    .withNewMetadata()
                                    .withName(pvc)
                                    .withNamespace(namespace)
                                    .addToLabels("app", pvc.equals("scratch") ? "other" : "ocr")
                                    .endMetadata()
                                    .withNewSpec()
                                    .withAccessModes("ReadWriteOnce")
                                    .endSpec()
                                    .build())
                    .createOr(o -> o.update());
        }
        var request =
                DriverTestSupport.request(
                        DriverTestSupport.namespace(namespace, "app=ocr"),
                        Map.of("volumeSnapshotClass", "array-snapclass"),
                        Duration.ofSeconds(10));
        CompletableFuture<BackupDriver.Outcome> outcome =
                CompletableFuture.supplyAsync(
                        () -> csi.backup(request, new DriverTestSupport.RecordingProgress()));
        var snapshots =
                Await.until(
                        Duration.ofSeconds(5),
                        () ->
                                client().genericKubernetesResources(CsiSnapshotDriver.SNAPSHOT)
                                        .inNamespace(namespace)
                                        .withLabel("kiban.io/run", String.valueOf(request.runId()))
                                        .list()
                                        .getItems(),
                        l -> l.size() == 2);
        assertThat(snapshots)
                .extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "data-run-" + request.runId(), "index-run-" + request.runId());
        Thread.sleep(200);
        for (var s : snapshots) {
            client().genericKubernetesResources(CsiSnapshotDriver.SNAPSHOT)
                    .inNamespace(namespace)
                    .withName(s.getMetadata().getName())
                    .edit(
                            r -> {
                                r.setAdditionalProperty("status", status);
                                return r;
                            });
        }
        return outcome.get();
    }

    @Test
    void csi_snapshot_waits_for_ready_to_use_and_prunes_by_run_label() throws Exception {
        var outcome = csiSnapshot("ocr-prod", Map.of("readyToUse", true, "restoreSize", "1Gi"));
        assertThat(outcome.result()).isEqualTo(BackupDriver.Result.SUCCEEDED);
        assertThat(outcome.bytes()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(outcome.reference()).startsWith("ocr-prod/run-");
        csi.delete(DriverTestSupport.namespace("ocr-prod", null), outcome.reference(), Map.of());
        Await.until(
                Duration.ofSeconds(5),
                () ->
                        client().genericKubernetesResources(CsiSnapshotDriver.SNAPSHOT)
                                .inNamespace("ocr-prod")
                                .withLabel("kiban.io/run", outcome.reference().split("/run-")[1])
                                .list()
                                .getItems(),
                List::isEmpty);
    }

    @Test
    void csi_snapshot_with_an_error_is_failed() throws Exception {
        var outcome =
                csiSnapshot(
                        "ocr-staging",
                        Map.of(
                                "readyToUse",
                                false,
                                "error",
                                Map.of("message", "snapshot controller: array refused")));
        assertThat(outcome.result()).isEqualTo(BackupDriver.Result.FAILED);
        assertThat(outcome.error()).contains("array refused");
    }
}
