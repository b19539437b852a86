package io.kiban.backup.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kiban.backup.support.BackupConfig;
import io.kiban.backup.support.Polling;
import io.kiban.backup.support.Settings;
import io.kiban.backup.support.Templates;
import io.kiban.backup.target.TargetDtos.TargetView;
import io.kiban.commons.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The REST endpoint of an array's or a hypervisor's backup tool. Settings: {@code url} (template),
 * {@code method}, {@code body} (template), {@code headers}, {@code credentials} ({@code source} env or
 * secret, {@code name}, {@code key}, {@code scheme}), {@code successStatuses}, {@code referencePointer},
 * {@code bytesPointer}; job polling with {@code jobUrl} (template, may use ${reference}) or
 * {@code jobUrlPointer}, {@code statusPointer}, {@code successValues}, {@code failureValues},
 * {@code partialValues}; pruning with {@code deleteUrl} and {@code deleteMethod}.
 */
@ApplicationScoped
public class HttpDriver implements BackupDriver {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;
    private final KubernetesClient kubernetes;
    private final BackupConfig config;

    public HttpDriver(ObjectMapper json, KubernetesClient kubernetes, BackupConfig config) {
        this.json = json;
        this.kubernetes = kubernetes;
        this.config = config;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public List<Problem.FieldError> validate(Map<String, Object> s) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Settings.requireString(s, "url", errors);
        if (s.get("url") instanceof String url && !url.isBlank() && !isHttpUrl(url)) {
            errors.add(new Problem.FieldError("driverSettings.url", "must be an http(s) URL"));
        }
        if (s.get("method") != null && !METHODS.contains(String.valueOf(s.get("method")))) {
            errors.add(new Problem.FieldError("driverSettings.method", "must be one of " + METHODS));
        }
        if (s.get("deleteUrl") instanceof String url && !isHttpUrl(url)) {
            errors.add(new Problem.FieldError("driverSettings.deleteUrl", "must be an http(s) URL"));
        }
        if (s.get("statusPointer") != null && Settings.strings(s, "successValues").isEmpty()) {
            errors.add(new Problem.FieldError("driverSettings.successValues",
                    "is required when statusPointer is set"));
        }
        if (s.get("statusPointer") != null && s.get("jobUrl") == null && s.get("jobUrlPointer") == null) {
            errors.add(new Problem.FieldError("driverSettings.jobUrl",
                    "jobUrl or jobUrlPointer is required when statusPointer is set"));
        }
        if (s.get("credentials") != null) {
            Map<String, Object> c = Settings.map(s, "credentials");
            String source = String.valueOf(c.get("source"));
            if (!source.equals("env") && !source.equals("secret")) {
                errors.add(new Problem.FieldError("driverSettings.credentials.source", "must be env or secret"));
            }
            if (!(c.get("name") instanceof String n) || n.isBlank()) {
                errors.add(new Problem.FieldError("driverSettings.credentials.name", "is required"));
            } else if (!permitted(source, n)) {
                errors.add(new Problem.FieldError("driverSettings.credentials.name", "must start with "
                        + (source.equals("secret") ? config.http().secretPrefix() : config.http().envPrefix())));
            }
            if (source.equals("secret") && !(c.get("key") instanceof String)) {
                errors.add(new Problem.FieldError("driverSettings.credentials.key", "is required for a secret"));
            }
        }
        return errors;
    }

    private static boolean isHttpUrl(String template) {
        try {
            URI uri = URI.create(Templates.render(template, Map.of()).replaceAll("\\$\\{[^}]*}", "x"));
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Outcome backup(Request request, Progress progress) {
        Map<String, Object> s = request.settings();
        Map<String, String> vars = new HashMap<>(Templates.variables(request));
        HttpResponse<String> response;
        try {
            response = send(Settings.string(s, "method", "POST"), Templates.render(Settings.string(s, "url", ""), vars),
                    Templates.render(Settings.string(s, "body", null), vars), s);
        } catch (IOException e) {
            return Outcome.failed(null, "backup request failed: " + e.getMessage());
        }
        if (!successStatus(s, response.statusCode())) {
            return Outcome.failed(null, "backup request answered HTTP " + response.statusCode() + ": "
                    + Templates.truncate(response.body(), 500));
        }
        JsonNode body = parse(response.body());
        String reference = pointer(body, Settings.string(s, "referencePointer", null))
                .orElse("http-run-" + request.runId());
        progress.reference(reference);
        vars.put("reference", reference);
        if (s.get("statusPointer") == null) {
            return Outcome.succeeded(reference, pointer(body, Settings.string(s, "bytesPointer", null))
                    .map(Long::valueOf).orElse(null), "HTTP " + response.statusCode());
        }
        String jobUrl = s.get("jobUrl") != null ? Templates.render(s.get("jobUrl").toString(), vars)
                : pointer(body, Settings.string(s, "jobUrlPointer", null)).orElse(null);
        if (jobUrl == null) {
            return Outcome.failed(reference, "the response named no job to follow");
        }
        Optional<Outcome> outcome = Polling.until(request.deadline(), config.pollInterval(), progress, () -> {
            try {
                HttpResponse<String> job = send("GET", jobUrl, null, s);
                if (job.statusCode() >= 400) {
                    return Optional.of(Outcome.failed(reference, "job status answered HTTP " + job.statusCode()));
                }
                JsonNode jobBody = parse(job.body());
                String status = pointer(jobBody, Settings.string(s, "statusPointer", null)).orElse("");
                Long bytes = pointer(jobBody, Settings.string(s, "bytesPointer", null)).map(Long::valueOf)
                        .orElse(null);
                if (Settings.strings(s, "successValues").contains(status)) {
                    return Optional.of(Outcome.succeeded(reference, bytes, "job " + status));
                }
                if (Settings.strings(s, "partialValues").contains(status)) {
                    return Optional.of(new Outcome(Result.PARTIALLY_FAILED, reference, bytes, "job " + status, null));
                }
                if (Settings.strings(s, "failureValues").contains(status)) {
                    return Optional.of(Outcome.failed(reference, "job " + status + ": "
                            + Templates.truncate(job.body(), 500)));
                }
                return Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        });
        return outcome.orElseGet(() -> Outcome.failed(reference, "the job did not finish within the completion window"));
    }

    @Override
    public void delete(TargetView target, String reference, Map<String, Object> settings) {
        String url = Settings.string(settings, "deleteUrl", null);
        if (url == null) {
            throw new IllegalStateException("the http driver has no deleteUrl: the copy cannot be pruned");
        }
        try {
            HttpResponse<String> response = send(Settings.string(settings, "deleteMethod", "DELETE"),
                    Templates.render(url, Map.of("reference", reference, "target.name", target.name(),
                            "target.id", String.valueOf(target.id()))), null, settings);
            if (response.statusCode() >= 300 && response.statusCode() != 404) {
                throw new IllegalStateException("delete answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("delete failed: " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(String method, String url, String body, Map<String, Object> s)
            throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        Settings.map(s, "headers").forEach((k, v) -> builder.header(k, String.valueOf(v)));
        credentials(s).ifPresent(value -> builder.header("Authorization", value));
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Optional<String> credentials(Map<String, Object> s) {
        Map<String, Object> c = Settings.map(s, "credentials");
        if (c.isEmpty()) {
            return Optional.empty();
        }
        String name = String.valueOf(c.get("name"));
        if (!permitted(String.valueOf(c.get("source")), name)) {
            throw new IllegalStateException("credentials " + name + " are not permitted for the http driver");
        }
        String value;
        if ("secret".equals(c.get("source"))) {
            Secret secret = kubernetes.secrets().withName(name).get();
            if (secret == null || secret.getData() == null || secret.getData().get(String.valueOf(c.get("key"))) == null) {
                throw new IllegalStateException("secret " + name + " or its key " + c.get("key") + " is missing");
            }
            value = new String(Base64.getDecoder().decode(secret.getData().get(String.valueOf(c.get("key")))),
                    StandardCharsets.UTF_8).trim();
        } else {
            value = System.getenv(name);
            if (value == null) {
                throw new IllegalStateException("environment variable " + name + " is not set");
            }
        }
        String scheme = Settings.string(c, "scheme", "Bearer");
        return Optional.of("Basic".equalsIgnoreCase(scheme)
                ? "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                : scheme + " " + value);
    }

    private boolean permitted(String source, String name) {
        return "secret".equals(source) ? name.startsWith(config.http().secretPrefix())
                : name.startsWith(config.http().envPrefix());
    }

    private static boolean successStatus(Map<String, Object> s, int status) {
        List<String> allowed = Settings.strings(s, "successStatuses");
        return allowed.isEmpty() ? status >= 200 && status < 300 : allowed.contains(String.valueOf(status));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static Optional<String> pointer(JsonNode body, String pointer) {
        if (pointer == null) {
            return Optional.empty();
        }
        JsonNode node = body.at(pointer);
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }
}
