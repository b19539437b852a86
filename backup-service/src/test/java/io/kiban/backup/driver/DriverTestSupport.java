package io.kiban.backup.driver;

import io.kiban.backup.policy.BackupPolicy;
import io.kiban.backup.target.BackupTarget;
import io.kiban.backup.target.TargetDtos.TargetView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

final class DriverTestSupport {

    private static final AtomicLong RUN_IDS = new AtomicLong(900_000 + (System.nanoTime() % 10_000) * 10);

    private DriverTestSupport() {
    }

    static TargetView namespace(String name, String selector) {
        return new TargetView(1L, BackupTarget.ArrayKind.K8S_ARRAY, "HW-K8S-1", BackupTarget.Environment.PRODUCTION,
                BackupTarget.Kind.NAMESPACE, name, selector, null, Instant.now(), 0);
    }

    static BackupDriver.Request request(TargetView target, Map<String, Object> settings, Duration window) {
        return new BackupDriver.Request(RUN_IDS.incrementAndGet(), 7L, target, BackupPolicy.Level.FULL, settings,
                Duration.ofDays(8), Instant.now().plus(window));
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
