package io.kiban.backup.driver;

import io.kiban.backup.support.BackupConfig;
import io.kiban.commons.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a configured program with arguments — never through a shell — with a timeout; output (stdout
 * and stderr together) is captured and truncated for the ledger. Settings: {@code command} (list:
 * program then arguments, templates allowed), {@code timeoutSeconds}, {@code deleteCommand}. A line
 * of output {@code kiban-reference=<ref>} names the copy; {@code kiban-bytes=<n>} its size.
 */
@ApplicationScoped
public class ExecDriver implements BackupDriver {

    public static final String RULE = "SEC-BK-5";
    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("\\$\\{([a-zA-Z0-9_.]+)}");
    static final String REFERENCE_PREFIX = "kiban-reference=";
    static final String BYTES_PREFIX = "kiban-bytes=";

    private final BackupConfig config;

    public ExecDriver(BackupConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "exec";
    }

    @Override
    public List<Problem.FieldError> validate(Map<String, Object> s) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!(s.get("command") instanceof List<?> command)
                || command.isEmpty()
                || command.stream().anyMatch(a -> !(a instanceof String))
                || ((String) command.get(0)).isBlank()) {
            errors.add(
                    new Problem.FieldError(
                            "driverSettings.command",
                            "is required: a list of strings, the program first, then its arguments"));
        } else if (!allowed((String) command.get(0))) {
            errors.add(
                    new Problem.FieldError(
                            "driverSettings.command",
                            "program "
                                    + command.get(0)
                                    + " is not in kiban.backup.exec.allowed-programs"));
        }
        Settings.optionalPositive(s, "timeoutSeconds", errors);
        if (s.get("deleteCommand") != null
                && (!(s.get("deleteCommand") instanceof List<?> delete)
                        || delete.isEmpty()
                        || !allowed(String.valueOf(delete.get(0))))) {
            errors.add(
                    new Problem.FieldError(
                            "driverSettings.deleteCommand",
                            "must be a list of strings whose program is in kiban.backup.exec.allowed-programs"));
        }
        return errors;
    }

    /**
     * SEC-BK-5: every value a target puts into an argument ({@code ${target.name}}, {@code
     * ${target.arrayHardwareId}} …) must match {@code kiban.backup.exec.argument-pattern}: no
     * option injection ({@code -…}), no spaces, no shell or path tricks.
     */
    @Override
    public List<Problem.FieldError> refusals(Map<String, Object> s, List<Target> targets) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String key : List.of("command", "deleteCommand")) {
            List<String> command = Settings.strings(s, key);
            for (Target t : targets) {
                badValue(command, targetVariables(t))
                        .ifPresent(
                                v ->
                                        errors.add(
                                                new Problem.FieldError(
                                                        "driverSettings." + key,
                                                        RULE
                                                                + ": target "
                                                                + t.id()
                                                                + " would put a value into an argument "
                                                                + "that does not match kiban.backup.exec.argument-pattern")));
            }
        }
        return errors;
    }

    static Map<String, String> targetVariables(Target t) {
        Map<String, String> vars = new java.util.HashMap<>();
        vars.put("target.id", String.valueOf(t.id()));
        vars.put("target.name", t.name());
        vars.put("target.kind", t.kind().name());
        vars.put("target.array", t.array().name());
        vars.put("target.arrayHardwareId", t.arrayHardwareId());
        vars.put("target.environment", t.environment());
        return vars;
    }

    /**
     * The first value substituted into {@code command} from {@code vars} that does not match the
     * pattern.
     */
    java.util.Optional<String> badValue(List<String> command, Map<String, String> vars) {
        java.util.regex.Pattern allowed =
                java.util.regex.Pattern.compile(config.exec().argumentPattern());
        java.util.regex.Matcher m;
        for (int i = 1; i < command.size(); i++) {
            m = PLACEHOLDER.matcher(command.get(i));
            while (m.find()) {
                String value = vars.get(m.group(1));
                if (value != null && !allowed.matcher(value).matches()) {
                    return java.util.Optional.of(value);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private boolean allowed(String program) {
        return config.exec().allowedPrograms().map(list -> list.contains(program)).orElse(false);
    }

    @Override
    public Outcome backup(Request request, Progress progress) {
        Map<String, String> vars = Templates.variables(request);
        List<String> template = Settings.strings(request.settings(), "command");
        if (badValue(template, vars).isPresent()) {
            return Outcome.failed(
                    null,
                    RULE
                            + ": a value of the target does not match "
                            + "kiban.backup.exec.argument-pattern; nothing was run");
        }
        List<String> command = template.stream().map(a -> Templates.render(a, vars)).toList();
        if (command.isEmpty() || !allowed(command.get(0))) {
            return Outcome.failed(
                    null,
                    "program "
                            + (command.isEmpty() ? "(none)" : command.get(0))
                            + " is not in kiban.backup.exec.allowed-programs");
        }
        Duration timeout =
                Duration.ofSeconds(Settings.number(request.settings(), "timeoutSeconds", 3600));
        Instant deadline =
                Instant.now().plus(timeout).isBefore(request.deadline())
                        ? Instant.now().plus(timeout)
                        : request.deadline();
        Result result;
        try {
            result = run(command, deadline, progress);
        } catch (IOException e) {
            return Outcome.failed(
                    null, "could not start " + command.get(0) + ": " + e.getMessage());
        }
        String output = Templates.truncate(result.output, config.exec().maxOutput());
        String reference = line(result.output, REFERENCE_PREFIX);
        Long bytes =
                line(result.output, BYTES_PREFIX) == null
                        ? null
                        : Long.valueOf(line(result.output, BYTES_PREFIX));
        if (result.timedOut) {
            return Outcome.failed(
                    reference,
                    "timed out after "
                            + Duration.between(result.started, Instant.now()).toSeconds()
                            + " s; output: "
                            + output);
        }
        if (result.exitCode != 0) {
            return Outcome.failed(
                    reference, "exit code " + result.exitCode + "; output: " + output);
        }
        return Outcome.succeeded(
                reference == null ? "exec-run-" + request.runId() : reference, bytes, output);
    }

    @Override
    public void delete(Target target, String reference, Map<String, Object> settings) {
        Map<String, String> vars = Map.of("reference", reference, "target.name", target.name());
        if (badValue(Settings.strings(settings, "deleteCommand"), vars).isPresent()) {
            throw new IllegalStateException(
                    RULE
                            + ": a value of the copy or target does not match "
                            + "kiban.backup.exec.argument-pattern; nothing was run");
        }
        List<String> command =
                Settings.strings(settings, "deleteCommand").stream()
                        .map(a -> Templates.render(a, vars))
                        .toList();
        if (command.isEmpty() || !allowed(command.get(0))) {
            throw new IllegalStateException(
                    "the exec driver has no allowed deleteCommand: the copy cannot be pruned");
        }
        try {
            Result result =
                    run(
                            command,
                            Instant.now()
                                    .plusSeconds(Settings.number(settings, "timeoutSeconds", 3600)),
                            null);
            if (result.timedOut || result.exitCode != 0) {
                throw new IllegalStateException(
                        "delete command failed (exit "
                                + result.exitCode
                                + "): "
                                + Templates.truncate(result.output, 500));
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not start the delete command: " + e.getMessage(), e);
        }
    }

    private record Result(int exitCode, boolean timedOut, String output, Instant started) {}

    private Result run(List<String> command, Instant deadline, Progress progress)
            throws IOException {
        Instant started = Instant.now();
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment()
                .putAll(childEnvironment(config.exec().environment(), System.getenv()));
        Process process = builder.start();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int cap = Math.max(config.exec().maxOutput() * 4, 64 * 1024);
        Thread reader =
                new Thread(() -> drain(process.getInputStream(), captured, cap), "exec-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished = false;
        try {
            while (!(finished =
                    process.waitFor(
                            Math.max(
                                    1,
                                    Math.min(
                                            1000,
                                            Duration.between(Instant.now(), deadline).toMillis())),
                            TimeUnit.MILLISECONDS))) {
                if (!Instant.now().isBefore(deadline)) {
                    break;
                }
                if (progress != null) {
                    progress.beat();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String output;
        synchronized (captured) {
            output = captured.toString(StandardCharsets.UTF_8);
        }
        return new Result(finished ? process.exitValue() : -1, !finished, output, started);
    }

    /**
     * SEC-BK-5: a child starts from an empty environment plus the variables named in {@code
     * kiban.backup.exec.environment}; a name that looks like a secret (password, secret, token,
     * key, HMAC, credential) or belongs to the service's own configuration ({@code KIBAN_*}, {@code
     * QUARKUS_*}) is never passed, even when listed.
     */
    static Map<String, String> childEnvironment(List<String> allowed, Map<String, String> parent) {
        Map<String, String> env = new java.util.TreeMap<>();
        for (String name : allowed) {
            String n = name.trim();
            if (n.isEmpty() || NEVER.matcher(n).find()) {
                continue;
            }
            String value = parent.get(n);
            if (value != null) {
                env.put(n, value);
            }
        }
        return env;
    }

    private static final java.util.regex.Pattern NEVER =
            java.util.regex.Pattern.compile(
                    "(?i)(PASSWORD|PASSWD|SECRET|TOKEN|KEY|HMAC|CREDENTIAL|^KIBAN_|^QUARKUS_|^KUBERNETES_)");

    private static void drain(InputStream in, ByteArrayOutputStream out, int cap) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    int room = cap - out.size();
                    if (room > 0) {
                        out.write(buffer, 0, Math.min(n, room));
                    }
                }
            }
        } catch (IOException e) {
            // the process went away
        }
    }

    private static String line(String output, String prefix) {
        String found = null;
        for (String l : output.split("\n")) {
            if (l.startsWith(prefix)) {
                found = l.substring(prefix.length()).trim();
            }
        }
        return found;
    }
}
