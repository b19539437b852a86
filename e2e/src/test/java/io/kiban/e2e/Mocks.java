package io.kiban.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the cluster would provide: the Kubernetes API (the fabric8 mock server in CRUD mode), Velero
 * itself (a loop that completes every new velero.io Backup, or fails it when its name is listed in
 * {@link #failVelero}), and a storage array's backup REST endpoint (WireMock; the test that uses it
 * stubs it).
 */
public final class Mocks {

    static final ResourceDefinitionContext VELERO_BACKUP =
            new ResourceDefinitionContext.Builder()
                    .withGroup("velero.io")
                    .withVersion("v1")
                    .withKind("Backup")
                    .withPlural("backups")
                    .withNamespaced(true)
                    .build();

    public final KubernetesMockServer kubernetes;
    public final KubernetesClient client;
    public final WireMockServer array;

    /** Velero backups whose names contain one of these strings end Failed. */
    public final java.util.Set<String> failVelero =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService velero =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "fake-velero");
                        t.setDaemon(true);
                        return t;
                    });

    private Mocks() {
        // CRUD mode (stores what is created, answers gets and lists from it), aware of Velero's
        // resources
        kubernetes =
                new KubernetesMockServer(
                        new io.fabric8.mockwebserver.Context(),
                        new io.fabric8.mockwebserver.MockWebServer(),
                        new java.util.HashMap<>(),
                        new io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher(
                                java.util.List.of(
                                        crd("velero.io", "v1", "Backup", "backups"),
                                        crd(
                                                "velero.io",
                                                "v1",
                                                "DeleteBackupRequest",
                                                "deletebackuprequests"),
                                        crd(
                                                "snapshot.storage.k8s.io",
                                                "v1",
                                                "VolumeSnapshot",
                                                "volumesnapshots"))),
                        false);
        kubernetes.init();
        client = kubernetes.createClient();
        array =
                new WireMockServer(
                        WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        array.start();
        velero.scheduleWithFixedDelay(this::actAsVelero, 200, 200, TimeUnit.MILLISECONDS);
    }

    private static io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext crd(
            String group, String version, String kind, String plural) {
        return new io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withScope("Namespaced")
                .build();
    }

    static Mocks start() {
        return new Mocks();
    }

    public String kubernetesUrl() {
        return client.getConfiguration().getMasterUrl();
    }

    public String arrayUrl() {
        return array.baseUrl();
    }

    private void actAsVelero() {
        try {
            for (GenericKubernetesResource backup :
                    client.genericKubernetesResources(VELERO_BACKUP)
                            .inNamespace("velero")
                            .list()
                            .getItems()) {
                if (backup.getAdditionalProperties().get("status") != null) {
                    continue;
                }
                String name = backup.getMetadata().getName();
                boolean fail = failVelero.stream().anyMatch(name::contains);
                backup.getAdditionalProperties()
                        .put(
                                "status",
                                fail
                                        ? Map.of(
                                                "phase",
                                                "Failed",
                                                "failureReason",
                                                "e2e: storage location unavailable")
                                        : Map.of(
                                                "phase",
                                                "Completed",
                                                "progress",
                                                Map.of("itemsBackedUp", 42)));
                client.genericKubernetesResources(VELERO_BACKUP)
                        .inNamespace("velero")
                        .resource(backup)
                        .update();
            }
        } catch (RuntimeException e) {
            // the mock server is busy or stopping: the next round retries
        }
    }

    void stop() {
        velero.shutdownNow();
        array.stop();
        client.close();
        kubernetes.destroy();
    }
}
