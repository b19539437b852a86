package io.kiban.backup.support;

import io.kiban.backup.driver.BackupDriver;
import io.kiban.backup.driver.Settings;
import io.kiban.commons.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A driver for tests: counts backups per run, can take its time ({@code sleepMillis}) and answer a
 * given {@code result}; remembers what it was asked to delete.
 */
@ApplicationScoped
public class TestDriver implements BackupDriver {

    private final Map<Long, AtomicInteger> backupsByRun = new ConcurrentHashMap<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();

    /** How many times the run was executed (a client proxy cannot expose fields, hence methods). */
    public int backups(long runId) {
        AtomicInteger n = backupsByRun.get(runId);
        return n == null ? 0 : n.get();
    }

    public List<String> deleted() {
        return List.copyOf(deleted);
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public List<Problem.FieldError> validate(Map<String, Object> settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (settings.get("result") == null) {
            errors.add(new Problem.FieldError("driverSettings.result", "is required"));
        }
        return errors;
    }

    @Override
    public Outcome backup(Request request, Progress progress) {
        backupsByRun.computeIfAbsent(request.runId(), k -> new AtomicInteger()).incrementAndGet();
        String reference = "test-" + request.runId();
        progress.reference(reference);
        long sleep = Settings.number(request.settings(), "sleepMillis", 0);
        long until = System.currentTimeMillis() + sleep;
        while (System.currentTimeMillis() < until) {
            progress.beat();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Result result = Result.valueOf(Settings.string(request.settings(), "result", "SUCCEEDED"));
        return new Outcome(
                result,
                reference,
                1024L,
                result == Result.SUCCEEDED ? null : "told to " + result,
                null);
    }

    @Override
    public void delete(Target target, String reference, Map<String, Object> settings) {
        deleted.add(reference);
    }
}
