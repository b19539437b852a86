package io.kiban.backup.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

final class DriverTestSupport {

    private static final AtomicLong RUN_IDS =
            new AtomicLong(900_000 + (System.nanoTime() % 10_000) * 10);

    private DriverTestSupport() {}

    static BackupDriver.Target namespace(String name, String selector) {
        return new BackupDriver.Target(
                1L,
                BackupDriver.Target.ArrayKind.K8S_ARRAY,
                "HW-K8S-1",
                "PRODUCTION",
                BackupDriver.Target.Kind.NAMESPACE,
                name,
                selector);
    }

    static BackupDriver.Request request(
            BackupDriver.Target target, Map<String, Object> settings, Duration window) {
        return new BackupDriver.Request(
                RUN_IDS.incrementAndGet(),
                7L,
                target,
                BackupDriver.Level.FULL,
                settings,
                Duration.ofDays(8),
                Instant.now().plus(window));
    }

    static class RecordingProgress implements BackupDriver.Progress {
        final List<String> references = new CopyOnWriteArrayList<>();
        final AtomicLong beats = new AtomicLong();

        @Override
        public void beat() {
            beats.incrementAndGet();
        }

        @Override
        public void reference(String reference) {
            references.add(reference);
        }
    }
}
