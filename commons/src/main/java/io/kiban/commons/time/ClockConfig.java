package io.kiban.commons.time;

import io.smallrye.config.ConfigMapping;
import java.time.Instant;
import java.util.Optional;

/**
 * Test clocks. Honoured only in the dev, test and e2e profiles; in production setting either
 * property stops the service at start-up.
 */
@ConfigMapping(prefix = "kiban.clock")
public interface ClockConfig {

    /** A clock that never moves: every call answers this instant. */
    Optional<Instant> fixed();

    /** A clock that starts at this instant when the service starts, then ticks normally. */
    Optional<Instant> startAt();
}
