package io.kiban.lifecycle.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: fixed at 2031-02-03T01:00Z (as {@code %test.kiban.clock.fixed})
 * unless a test moves it with {@link #set(Instant)}; {@link Fixtures#reset()} puts it back. Rules
 * that depend on when something was recorded (R-LC-3 approval before the deadline, R-LC-14 closed
 * months) are tested at the time they concern.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    public static final Instant DEFAULT = Instant.parse("2031-02-03T01:00:00Z");

    private static volatile Instant now = DEFAULT;

    public static void set(Instant instant) {
        now = instant;
    }

    public static void reset() {
        now = DEFAULT;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
