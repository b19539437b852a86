package io.kiban.backup.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kiban.backup.support.BackupConfig;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The REST endpoint of an array's or a hypervisor's backup tool. Settings: {@code url} (template),
 * {@code method}, {@code body} (template), {@code credentials} (the name of a credential configured
 * under {@code kiban.backup.http.credentials}), {@code successStatuses}, {@code referencePointer},
 * {@code bytesPointer}; job polling with {@code jobUrl} (template, may use ${reference}) or {@code
 * jobUrlPointer}, {@code statusPointer}, {@code successValues}, {@code failureValues}, {@code
 * partialValues}; pruning with {@code deleteUrl} and {@code deleteMethod}.
 *
 * <p>SEC-BK-1: every request goes only to a base URL configured for the target's array ({@code
 * kiban.backup.http.k8s-array|virt-array.base-urls}) with a method configured for it ({@code
 * .methods}); a credential is attached only when the URL is under one of the base URLs configured
 * for that credential. Only a fixed set of headers is sent ({@code Accept}, {@code Content-Type},
 * {@code Authorization}); a reply's body is never copied into a run (status code and a fixed
 * message only).
 */
@ApplicationScoped
public class HttpDriver implements BackupDriver {

    public static final String RULE = "SEC-BK-1";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SETTINGS =
            Set.of(
                    "url",
                    "method",
                    "body",
                    "credentials",
                    "successStatuses",
                    "referencePointer",
                    "bytesPointer",
                    "jobUrl",
                    "jobUrlPointer",
                    "statusPointer",
                    "successValues",
                    "failureValues",
                    "partialValues",
                    "deleteUrl",
                    "deleteMethod");

    private final HttpClient http =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
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
        for (String key : s.keySet()) {
            if (!SETTINGS.contains(key)) {
                errors.add(
                        new Problem.FieldError(
                                "driverSettings." + key,
                                key.equals("headers")
                                        ? "is not accepted: the http driver sends a fixed set of headers only (SEC-BK-1)"
                                        : "is not a setting of the http driver"));
            }
        }
        Settings.requireString(s, "url", errors);
        if (s.get("url") instanceof String url && !url.isBlank() && !isHttpUrl(url)) {
            errors.add(new Problem.FieldError("driverSettings.url", "must be an http(s) URL"));
        }
        for (String key : List.of("method", "deleteMethod")) {
            if (s.get(key) != null && !METHODS.contains(String.valueOf(s.get(key)))) {
                errors.add(
                        new Problem.FieldError(
                                "driverSettings." + key, "must be one of " + METHODS));
            }
        }
        for (String key : List.of("deleteUrl", "jobUrl")) {
            if (s.get(key) != null && !(s.get(key) instanceof String url && isHttpUrl(url))) {
                errors.add(
                        new Problem.FieldError("driverSettings." + key, "must be an http(s) URL"));
            }
        }
        if (s.get("statusPointer") != null && Settings.strings(s, "successValues").isEmpty()) {
            errors.add(
                    new Problem.FieldError(
                            "driverSettings.successValues",
                            "is required when statusPointer is set"));
        }
        if (s.get("statusPointer") != null
                && s.get("jobUrl") == null
                && s.get("jobUrlPointer") == null) {
            errors.add(
                    new Problem.FieldError(
                            "driverSettings.jobUrl",
                            "jobUrl or jobUrlPointer is required when statusPointer is set"));
        }
        if (s.get("credentials") != null && credentialName(s).isEmpty()) {
            errors.add(
                    new Problem.FieldError(
                            "driverSettings.credentials",
                            "must name a configured credential: a string, or {\"name\": \"…\"} and nothing else"));
        }
        return errors;
    }

    /**
     * SEC-BK-1: the URLs must lie under a base URL of every target's array, the methods be allowed
     * for it, and the credential (if any) be configured for those URLs. An unknown credential is
     * answered exactly like a forbidden one.
     */
    @Override
    public List<Problem.FieldError> refusals(Map<String, Object> s, List<Target> targets) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<Target.ArrayKind> arrays = new LinkedHashSet<>();
        targets.forEach(t -> arrays.add(t.array()));
        Map<String, String> placeholders = new HashMap<>();
        List<String[]> calls = new ArrayList<>();
        calls.add(
                new String[] {
                    "url",
                    Settings.string(s, "url", ""),
                    "method",
                    Settings.string(s, "method", "POST")
                });
        if (s.get("jobUrl") != null) {
            calls.add(new String[] {"jobUrl", s.get("jobUrl").toString(), null, "GET"});
        }
        if (s.get("deleteUrl") != null) {
            calls.add(
                    new String[] {
                        "deleteUrl",
                        s.get("deleteUrl").toString(),
                        "deleteMethod",
                        Settings.string(s, "deleteMethod", "DELETE")
                    });
        }
        for (Target.ArrayKind array : arrays) {
            BackupConfig.Endpoint endpoint = endpoint(array);
            for (String[] call : calls) {
                String url = sample(call[1], placeholders);
                if (!under(url, endpoint.baseUrls().orElse(List.of()))) {
                    errors.add(
                            new Problem.FieldError(
                                    "driverSettings." + call[0],
                                    RULE
                                            + ": not a destination "
                                            + "configured for "
                                            + array
                                            + " (kiban.backup.http."
                                            + key(array)
                                            + ".base-urls)"));
                }
                if (!allowedMethod(endpoint, call[3])) {
                    errors.add(
                            new Problem.FieldError(
                                    "driverSettings." + (call[2] == null ? call[0] : call[2]),
                                    RULE
                                            + ": "
                                            + call[3]
                                            + " is not a method allowed towards "
                                            + array));
                }
            }
        }
        Optional<String> name = credentialName(s);
        if (name.isPresent()) {
            BackupConfig.Credential credential = config.http().credentials().get(name.get());
            boolean allowed =
                    credential != null
                            && calls.stream()
                                    .allMatch(
                                            call ->
                                                    under(
                                                            sample(call[1], placeholders),
                                                            credential.baseUrls()));
            if (!allowed) {
                errors.add(
                        new Problem.FieldError(
                                "driverSettings.credentials",
                                RULE + ": no credential of that name may be sent to these URLs"));
            }
        }
        return errors;
    }

    @Override
    public Outcome backup(Request request, Progress progress) {
        Map<String, Object> s = request.settings();
        Target.ArrayKind array = request.target().array();
        Map<String, String> vars = new HashMap<>(Templates.variables(request));
        HttpResponse<String> response;
        try {
            response =
                    send(
                            array,
                            Settings.string(s, "method", "POST"),
                            Templates.render(Settings.string(s, "url", ""), vars),
                            Templates.render(Settings.string(s, "body", null), vars),
                            s);
        } catch (Refused e) {
            return Outcome.failed(null, e.getMessage());
        } catch (IOException e) {
            return Outcome.failed(
                    null, "backup request failed (" + e.getClass().getSimpleName() + ")");
        }
        if (!successStatus(s, response.statusCode())) {
            return Outcome.failed(null, "backup request answered HTTP " + response.statusCode());
        }
        JsonNode body = parse(response.body());
        String reference =
                pointer(body, Settings.string(s, "referencePointer", null))
                        .orElse("http-run-" + request.runId());
        progress.reference(reference);
        vars.put("reference", reference);
        if (s.get("statusPointer") == null) {
            return Outcome.succeeded(
                    reference,
                    number(pointer(body, Settings.string(s, "bytesPointer", null))),
                    "HTTP " + response.statusCode());
        }
        String jobUrl =
                s.get("jobUrl") != null
                        ? Templates.render(s.get("jobUrl").toString(), vars)
                        : pointer(body, Settings.string(s, "jobUrlPointer", null)).orElse(null);
        if (jobUrl == null) {
            return Outcome.failed(reference, "the response named no job to follow");
        }
        Set<String> success = Set.copyOf(Settings.strings(s, "successValues"));
        Set<String> partial = Set.copyOf(Settings.strings(s, "partialValues"));
        Set<String> failure = Set.copyOf(Settings.strings(s, "failureValues"));
        Optional<Outcome> outcome =
                Polling.until(
                        request.deadline(),
                        config.pollInterval(),
                        progress,
                        () -> {
                            try {
                                HttpResponse<String> job = send(array, "GET", jobUrl, null, s);
                                if (job.statusCode() >= 400) {
                                    return Optional.of(
                                            Outcome.failed(
                                                    reference,
                                                    "job status answered HTTP "
                                                            + job.statusCode()));
                                }
                                JsonNode jobBody = parse(job.body());
                                String status =
                                        pointer(jobBody, Settings.string(s, "statusPointer", null))
                                                .orElse("");
                                Long bytes =
                                        number(
                                                pointer(
                                                        jobBody,
                                                        Settings.string(s, "bytesPointer", null)));
                                // only values the policy itself lists are ever written into the
                                // run, never the reply's text
                                if (success.contains(status)) {
                                    return Optional.of(
                                            Outcome.succeeded(reference, bytes, "job " + status));
                                }
                                if (partial.contains(status)) {
                                    return Optional.of(
                                            new Outcome(
                                                    Result.PARTIALLY_FAILED,
                                                    reference,
                                                    bytes,
                                                    "job " + status,
                                                    null));
                                }
                                if (failure.contains(status)) {
                                    return Optional.of(Outcome.failed(reference, "job " + status));
                                }
                                return Optional.empty();
                            } catch (Refused e) {
                                return Optional.of(Outcome.failed(reference, e.getMessage()));
                            } catch (IOException e) {
                                return Optional.empty();
                            }
                        });
        return outcome.orElseGet(
                () ->
                        Outcome.failed(
                                reference, "the job did not finish within the completion window"));
    }

    @Override
    public void delete(Target target, String reference, Map<String, Object> settings) {
        String url = Settings.string(settings, "deleteUrl", null);
        if (url == null) {
            throw new IllegalStateException(
                    "the http driver has no deleteUrl: the copy cannot be pruned");
        }
        try {
            HttpResponse<String> response =
                    send(
                            target.array(),
                            Settings.string(settings, "deleteMethod", "DELETE"),
                            Templates.render(
                                    url,
                                    Map.of(
                                            "reference",
                                            reference,
                                            "target.name",
                                            target.name(),
                                            "target.id",
                                            String.valueOf(target.id()))),
                            null,
                            settings);
            if (response.statusCode() >= 300 && response.statusCode() != 404) {
                throw new IllegalStateException("delete answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "delete failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** A request the configuration does not allow: never sent. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private HttpResponse<String> send(
            Target.ArrayKind array, String method, String url, String body, Map<String, Object> s)
            throws IOException {
        BackupConfig.Endpoint endpoint = endpoint(array);
        if (!under(url, endpoint.baseUrls().orElse(List.of()))
                || !allowedMethod(endpoint, method)) {
            throw new Refused(
                    RULE
                            + ": "
                            + method
                            + " to this URL is not configured for "
                            + array
                            + "; not sent");
        }
        Optional<String> authorization = authorization(s, url);
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url).normalize())
                        .timeout(Duration.ofSeconds(60))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(
                                                body, StandardCharsets.UTF_8))
                        .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        authorization.ifPresent(value -> builder.header("Authorization", value));
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * The Authorization header of the policy's credential, if it names one that may go to {@code
     * url}.
     */
    private Optional<String> authorization(Map<String, Object> s, String url) throws Refused {
        Optional<String> name = credentialName(s);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        BackupConfig.Credential c = config.http().credentials().get(name.get());
        if (c == null || !under(url, c.baseUrls())) {
            throw new Refused(
                    RULE + ": the policy's credential may not be sent to this URL; not sent");
        }
        String value = null;
        if ("secret".equals(c.source()) && c.name().startsWith(config.http().secretPrefix())) {
            Secret secret = kubernetes.secrets().withName(c.name()).get();
            String encoded =
                    secret == null || secret.getData() == null
                            ? null
                            : secret.getData().get(c.key());
            value =
                    encoded == null
                            ? null
                            : new String(
                                            Base64.getDecoder().decode(encoded),
                                            StandardCharsets.UTF_8)
                                    .trim();
        } else if ("env".equals(c.source()) && c.name().startsWith(config.http().envPrefix())) {
            value = System.getenv(c.name());
        }
        if (value == null) {
            throw new Refused(RULE + ": the policy's credential is not available; not sent");
        }
        return Optional.of(
                "Basic".equalsIgnoreCase(c.scheme())
                        ? "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(value.getBytes(StandardCharsets.UTF_8))
                        : "Bearer " + value);
    }

    private BackupConfig.Endpoint endpoint(Target.ArrayKind array) {
        return array == Target.ArrayKind.K8S_ARRAY
                ? config.http().k8sArray()
                : config.http().virtArray();
    }

    private static String key(Target.ArrayKind array) {
        return array == Target.ArrayKind.K8S_ARRAY ? "k8s-array" : "virt-array";
    }

    private static boolean allowedMethod(BackupConfig.Endpoint endpoint, String method) {
        return endpoint.methods().stream().anyMatch(m -> m.trim().equalsIgnoreCase(method));
    }

    @SuppressWarnings("unchecked")
    static Optional<String> credentialName(Map<String, Object> s) {
        Object c = s.get("credentials");
        if (c instanceof String name && !name.isBlank()) {
            return Optional.of(name);
        }
        if (c instanceof Map<?, ?> m
                && m.size() == 1
                && m.get("name") instanceof String name
                && !name.isBlank()) {
            return Optional.of(name);
        }
        return Optional.empty();
    }

    /**
     * A template with each placeholder replaced by a harmless segment, for checking its
     * destination.
     */
    private static String sample(String template, Map<String, String> ignored) {
        return template.replaceAll("\\$\\{[^}]*}", "x");
    }

    /**
     * Whether {@code url} lies under one of {@code bases}: same scheme, host and port, and its
     * normalised path starts with the base's path at a segment boundary. No user info, no encoded
     * dots or slashes, no backslashes.
     */
    static boolean under(String url, List<String> bases) {
        URI u;
        try {
            u = URI.create(url).normalize();
        } catch (IllegalArgumentException e) {
            return false;
        }
        String raw = url.toLowerCase(Locale.ROOT);
        if (u.getHost() == null
                || u.getRawUserInfo() != null
                || raw.contains("%2e")
                || raw.contains("%2f")
                || raw.contains("%5c")
                || raw.contains("\\")
                || (u.getRawPath() != null && u.getRawPath().contains(".."))) {
            return false;
        }
        for (String baseText : bases) {
            URI base;
            try {
                base = URI.create(baseText.trim()).normalize();
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (base.getScheme() == null
                    || base.getHost() == null
                    || !base.getScheme().equalsIgnoreCase(String.valueOf(u.getScheme()))
                    || !base.getHost().equalsIgnoreCase(u.getHost())
                    || port(base) != port(u)) {
                continue;
            }
            String basePath =
                    base.getRawPath() == null || base.getRawPath().isEmpty()
                            ? "/"
                            : base.getRawPath();
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            if (basePath.endsWith("/")
                    ? path.startsWith(basePath) || (path + "/").equals(basePath)
                    : path.equals(basePath) || path.startsWith(basePath + "/")) {
                return true;
            }
        }
        return false;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1
                ? uri.getPort()
                : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isHttpUrl(String template) {
        try {
            URI uri = URI.create(template.replaceAll("\\$\\{[^}]*}", "x"));
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean successStatus(Map<String, Object> s, int status) {
        List<String> allowed = Settings.strings(s, "successStatuses");
        return allowed.isEmpty()
                ? status >= 200 && status < 300
                : allowed.contains(String.valueOf(status));
    }

    private static Long number(Optional<String> text) {
        try {
            return text.map(Long::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
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
        return node.isMissingNode() || node.isNull()
                ? Optional.empty()
                : Optional.of(node.asText());
    }
}
