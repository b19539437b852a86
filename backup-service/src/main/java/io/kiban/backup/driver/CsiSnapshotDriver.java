package io.kiban.backup.driver;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kiban.backup.support.BackupConfig;
import io.kiban.commons.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CSI snapshots: one {@code snapshot.storage.k8s.io/v1 VolumeSnapshot} per selected PVC of the
 * target namespace, all labelled with the run; done when every one is {@code readyToUse}. The
 * reference is {@code <namespace>/run-<id>}; pruning deletes the snapshots carrying that label.
 */
@ApplicationScoped
class CsiSnapshotDriver implements BackupDriver {

    public static final ResourceDefinitionContext SNAPSHOT =
            new ResourceDefinitionContext.Builder()
                    .withGroup("snapshot.storage.k8s.io")
                    .withVersion("v1")
                    .withKind("VolumeSnapshot")
                    .withPlural("volumesnapshots")
                    .withNamespaced(true)
                    .build();
    static final String RUN_LABEL = "kiban.io/run";

    private final KubernetesClient client;
    private final BackupConfig config;

    public CsiSnapshotDriver(KubernetesClient client, BackupConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public String name() {
        return "csi-snapshot";
    }

    @Override
    public List<Problem.FieldError> validate(Map<String, Object> settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Settings.requireString(settings, "volumeSnapshotClass", errors);
        return errors;
    }

    @Override
    public Outcome backup(Request request, Progress progress) {
        if (request.target().kind() != Target.Kind.NAMESPACE) {
            return Outcome.failed(
                    null, "csi-snapshot needs a NAMESPACE target, not " + request.target().kind());
        }
        String namespace = request.target().name();
        var pvcs = client.persistentVolumeClaims().inNamespace(namespace);
        String selector = request.target().pvcSelector();
        List<PersistentVolumeClaim> claims =
                selector == null || selector.isBlank()
                        ? pvcs.list().getItems()
                        : pvcs.withLabels(VeleroDriver.labels(selector)).list().getItems();
        if (claims.isEmpty()) {
            return Outcome.failed(
                    null, "no PVC in namespace " + namespace + " matches " + selector);
        }
        String runLabel = "run-" + request.runId();
        String reference = namespace + "/" + runLabel;
        progress.reference(reference);
        List<String> names = new ArrayList<>();
        for (PersistentVolumeClaim claim : claims) {
            String name = (claim.getMetadata().getName() + "-" + runLabel);
            name = name.length() > 253 ? name.substring(name.length() - 253) : name;
            GenericKubernetesResource snapshot =
                    new GenericKubernetesResourceBuilder()
                            .withApiVersion("snapshot.storage.k8s.io/v1")
                            .withKind("VolumeSnapshot")
                            .withNewMetadata()
                            .withName(name)
                            .withNamespace(namespace)
                            .addToLabels(RUN_LABEL, String.valueOf(request.runId()))
                            .endMetadata()
                            .addToAdditionalProperties(
                                    "spec",
                                    Map.of(
                                            "volumeSnapshotClassName",
                                                    Settings.string(
                                                            request.settings(),
                                                            "volumeSnapshotClass",
                                                            ""),
                                            "source",
                                                    Map.of(
                                                            "persistentVolumeClaimName",
                                                            claim.getMetadata().getName())))
                            .build();
            client.genericKubernetesResources(SNAPSHOT)
                    .inNamespace(namespace)
                    .resource(snapshot)
                    .create();
            names.add(name);
        }
        Optional<Outcome> outcome =
                Polling.until(
                        request.deadline(),
                        config.pollInterval(),
                        progress,
                        () -> check(namespace, reference, names));
        return outcome.orElseGet(
                () ->
                        Outcome.failed(
                                reference,
                                "not every VolumeSnapshot was readyToUse within the completion window"));
    }

    @SuppressWarnings("unchecked")
    private Optional<Outcome> check(String namespace, String reference, List<String> names) {
        int ready = 0;
        long bytes = 0;
        List<String> failures = new ArrayList<>();
        for (String name : names) {
            GenericKubernetesResource s =
                    client.genericKubernetesResources(SNAPSHOT)
                            .inNamespace(namespace)
                            .withName(name)
                            .get();
            Object status = s == null ? null : s.getAdditionalProperties().get("status");
            if (s == null) {
                failures.add(name + ": disappeared");
            } else if (status instanceof Map<?, ?> st) {
                Map<String, Object> m = (Map<String, Object>) st;
                if (m.get("error") instanceof Map<?, ?> err) {
                    failures.add(name + ": " + err.get("message"));
                } else if (Boolean.TRUE.equals(m.get("readyToUse"))) {
                    ready++;
                    if (m.get("restoreSize") != null) {
                        bytes +=
                                Quantity.getAmountInBytes(
                                                new Quantity(m.get("restoreSize").toString()))
                                        .longValue();
                    }
                }
            }
        }
        if (ready + failures.size() < names.size()) {
            return Optional.empty();
        }
        if (failures.isEmpty()) {
            return Optional.of(
                    Outcome.succeeded(reference, bytes, ready + " VolumeSnapshot(s) ready"));
        }
        String error = String.join("; ", failures);
        return Optional.of(
                ready == 0
                        ? Outcome.failed(reference, error)
                        : new Outcome(Result.PARTIALLY_FAILED, reference, bytes, error, null));
    }

    @Override
    public void delete(Target target, String reference, Map<String, Object> settings) {
        String[] parts = reference.split("/run-", 2);
        client.genericKubernetesResources(SNAPSHOT)
                .inNamespace(parts[0])
                .withLabel(RUN_LABEL, parts[1])
                .delete();
    }
}
