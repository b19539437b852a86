package io.kiban.backup.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for something to reach a terminal state, beating the run's heartbeat, until a deadline. */
final class Polling {

    private Polling() {}

    /** The first non-empty answer, or empty when {@code deadline} (wall time) passed first. */
    public static <T> Optional<T> until(
            Instant deadline,
            Duration interval,
            BackupDriver.Progress progress,
            Supplier<Optional<T>> probe) {
        while (true) {
            Optional<T> answer = probe.get();
            if (answer.isPresent()) {
                return answer;
            }
            if (!Instant.now().isBefore(deadline)) {
                return Optional.empty();
            }
            progress.beat();
            try {
                Thread.sleep(
                        Math.max(
                                10,
                                Math.min(
                                        interval.toMillis(),
                                        Duration.between(Instant.now(), deadline).toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
