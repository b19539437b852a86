package io.kiban.backup.driver;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kiban.backup.support.BackupConfig;
import io.kiban.commons.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Velero: one {@code velero.io/v1 Backup} of the target namespace, followed through {@code
 * status.phase}; pruning files a {@code DeleteBackupRequest} (deleting the Backup object alone
 * would leave the data in the storage location and Velero would sync it back).
 */
@ApplicationScoped
class VeleroDriver implements BackupDriver {

    public static final ResourceDefinitionContext BACKUP =
            new ResourceDefinitionContext.Builder()
                    .withGroup("velero.io")
                    .withVersion("v1")
                    .withKind("Backup")
                    .withPlural("backups")
                    .withNamespaced(true)
                    .build();
    public static final ResourceDefinitionContext DELETE_REQUEST =
            new ResourceDefinitionContext.Builder()
                    .withGroup("velero.io")
                    .withVersion("v1")
                    .withKind("DeleteBackupRequest")
                    .withPlural("deletebackuprequests")
                    .withNamespaced(true)
                    .build();

    public static final String RULE = "SEC-BK-2";

    private final KubernetesClient client;
    private final BackupConfig config;

    public VeleroDriver(KubernetesClient client, BackupConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public String name() {
        return "velero";
    }

    @Override
    public List<Problem.FieldError> validate(Map<String, Object> settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Object location = settings.get("storageLocation");
        if (location != null && (!(location instanceof String s) || s.isBlank())) {
            errors.add(
                    new Problem.FieldError(
                            "driverSettings.storageLocation", "must be a non-empty string"));
        }
        Object snapshots = settings.get("snapshotVolumes");
        if (snapshots != null && !(snapshots instanceof Boolean)) {
            errors.add(
                    new Problem.FieldError(
                            "driverSettings.snapshotVolumes", "must be true or false"));
        }
        return errors;
    }

    /**
     * SEC-BK-2: a target's namespace must match {@code kiban.backup.velero.allowed-namespaces} and
     * none of {@code denied-namespaces} (kube-*, velero, kiban-* …: their Secrets would be copied);
     * the storage location must be the default one or listed in {@code storage-locations}.
     */
    @Override
    public List<Problem.FieldError> refusals(Map<String, Object> settings, List<Target> targets) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Target t : targets) {
            if (t.kind() == Target.Kind.NAMESPACE && !namespaceAllowed(t.name())) {
                errors.add(
                        new Problem.FieldError(
                                "targetIds",
                                RULE
                                        + ": target "
                                        + t.id()
                                        + " names namespace "
                                        + t.name()
                                        + ", which is not in kiban.backup.velero.allowed-namespaces"));
            }
        }
        if (settings.get("storageLocation") instanceof String location
                && !locationAllowed(location)) {
            errors.add(
                    new Problem.FieldError(
                            "driverSettings.storageLocation",
                            RULE
                                    + ": storage location "
                                    + location
                                    + " is not in kiban.backup.velero.storage-locations"));
        }
        return errors;
    }

    boolean namespaceAllowed(String namespace) {
        if (config.velero().deniedNamespaces().stream().anyMatch(glob -> glob(glob, namespace))) {
            return false;
        }
        return config.velero().allowedNamespaces().orElse(List.of()).stream()
                .anyMatch(glob -> glob(glob, namespace));
    }

    private boolean locationAllowed(String location) {
        return location.equals(config.velero().storageLocation())
                || config.velero().storageLocations().orElse(List.of()).contains(location);
    }

    /** {@code *} stands for any characters (none included); everything else is literal. */
    static boolean glob(String glob, String text) {
        List<String> parts = new ArrayList<>();
        for (String part : glob.trim().split("\\*", -1)) {
            parts.add(java.util.regex.Pattern.quote(part));
        }
        return text.matches(String.join(".*", parts));
    }

    @Override
    public Outcome backup(Request request, Progress progress) {
        if (request.target().kind() != Target.Kind.NAMESPACE) {
            return Outcome.failed(
                    null,
                    "velero backs up Kubernetes namespaces only, not " + request.target().kind());
        }
        if (!namespaceAllowed(request.target().name())) {
            return Outcome.failed(
                    null,
                    RULE
                            + ": namespace "
                            + request.target().name()
                            + " is not in kiban.backup.velero.allowed-namespaces; no Backup was created");
        }
        String location =
                Settings.string(
                        request.settings(), "storageLocation", config.velero().storageLocation());
        if (!locationAllowed(location)) {
            return Outcome.failed(
                    null,
                    RULE
                            + ": storage location "
                            + location
                            + " is not in kiban.backup.velero.storage-locations; no Backup was created");
        }
        String namespace = config.velero().namespace();
        String name = "kiban-" + request.target().name() + "-" + request.runId();
        name = name.length() > 63 ? "kiban-run-" + request.runId() : name;
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("includedNamespaces", List.of(request.target().name()));
        spec.put("storageLocation", location);
        spec.put("ttl", request.ttl().toHours() + "h0m0s");
        if (request.settings().get("snapshotVolumes") instanceof Boolean b) {
            spec.put("snapshotVolumes", b);
        }
        if (request.target().pvcSelector() != null && !request.target().pvcSelector().isBlank()) {
            spec.put(
                    "labelSelector", Map.of("matchLabels", labels(request.target().pvcSelector())));
        }
        GenericKubernetesResource backup =
                new GenericKubernetesResourceBuilder()
                        .withApiVersion("velero.io/v1")
                        .withKind("Backup")
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .addToLabels("kiban.io/run", String.valueOf(request.runId()))
                        .addToLabels("kiban.io/policy", String.valueOf(request.policyId()))
                        .endMetadata()
                        .addToAdditionalProperties("spec", spec)
                        .build();
        client.genericKubernetesResources(BACKUP).inNamespace(namespace).resource(backup).create();
        progress.reference(name);
        String finalName = name;
        Optional<Outcome> outcome =
                Polling.until(
                        request.deadline(),
                        config.pollInterval(),
                        progress,
                        () -> {
                            GenericKubernetesResource current =
                                    client.genericKubernetesResources(BACKUP)
                                            .inNamespace(namespace)
                                            .withName(finalName)
                                            .get();
                            if (current == null) {
                                return Optional.of(
                                        Outcome.failed(
                                                finalName,
                                                "the Backup " + finalName + " disappeared"));
                            }
                            return terminal(finalName, current);
                        });
        return outcome.orElseGet(
                () ->
                        Outcome.failed(
                                finalName,
                                "the Backup did not reach a terminal phase within the completion window"));
    }

    @SuppressWarnings("unchecked")
    private static Optional<Outcome> terminal(String name, GenericKubernetesResource backup) {
        Object status = backup.getAdditionalProperties().get("status");
        if (!(status instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        Map<String, Object> s = (Map<String, Object>) map;
        String phase = String.valueOf(s.get("phase"));
        String detail =
                "phase "
                        + phase
                        + (s.get("errors") != null ? ", errors " + s.get("errors") : "")
                        + (s.get("warnings") != null ? ", warnings " + s.get("warnings") : "");
        return switch (phase) {
            case "Completed" -> Optional.of(Outcome.succeeded(name, null, detail));
            case "PartiallyFailed" ->
                    Optional.of(new Outcome(Result.PARTIALLY_FAILED, name, null, detail, null));
            case "Failed", "FailedValidation" ->
                    Optional.of(
                            Outcome.failed(
                                    name,
                                    detail
                                            + (s.get("failureReason") != null
                                                    ? ": " + s.get("failureReason")
                                                    : "")));
            default -> Optional.empty();
        };
    }

    /**
     * R-BK-2 pruning, SEC-BK-2: only a Backup this service created (label {@code kiban.io/run}) is
     * ever asked to be deleted; the service needs {@code get} on backups and {@code create} on
     * deletebackuprequests, nothing more.
     */
    @Override
    public void delete(Target target, String reference, Map<String, Object> settings) {
        String namespace = config.velero().namespace();
        GenericKubernetesResource existing =
                client.genericKubernetesResources(BACKUP)
                        .inNamespace(namespace)
                        .withName(reference)
                        .get();
        if (existing == null) {
            return;
        }
        Map<String, String> labels = existing.getMetadata().getLabels();
        if (labels == null || labels.get("kiban.io/run") == null) {
            throw new IllegalStateException(
                    RULE
                            + ": Backup "
                            + reference
                            + " was not created by backup-service (no kiban.io/run label); it is not deleted");
        }
        GenericKubernetesResource request =
                new GenericKubernetesResourceBuilder()
                        .withApiVersion("velero.io/v1")
                        .withKind("DeleteBackupRequest")
                        .withNewMetadata()
                        .withGenerateName(reference + "-")
                        .withName(reference + "-delete")
                        .withNamespace(namespace)
                        .addToLabels("velero.io/backup-name", reference)
                        .endMetadata()
                        .addToAdditionalProperties("spec", Map.of("backupName", reference))
                        .build();
        try {
            client.genericKubernetesResources(DELETE_REQUEST)
                    .inNamespace(namespace)
                    .resource(request)
                    .create();
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            // asked before: Velero is already deleting it
        }
    }

    static Map<String, String> labels(String selector) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String part : selector.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                labels.put(kv[0].trim(), kv[1].trim());
            }
        }
        return labels;
    }
}
