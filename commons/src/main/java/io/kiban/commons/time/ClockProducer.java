package io.kiban.commons.time;

import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Business code reads time from this injected {@link Clock} (UTC). The lease runs 2027–2031, so
 * dev, test and the end-to-end profile may move it with {@code kiban.clock.fixed} or {@code
 * kiban.clock.start-at}; production may not.
 */
public class ClockProducer {

    public static final ZoneId JPO_ZONE = ZoneId.of("Asia/Tokyo");
    private static final Set<String> MOVABLE_PROFILES = Set.of("dev", "test", "e2e");
    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @Produces
    @Singleton
    Clock clock(ClockConfig config) {
        return create(config, ConfigUtils.getProfiles(), Clock.systemUTC());
    }

    static Clock create(ClockConfig config, List<String> profiles, Clock system) {
        boolean wantsTestClock = config.fixed().isPresent() || config.startAt().isPresent();
        if (!wantsTestClock) {
            return system;
        }
        if (profiles.stream().noneMatch(MOVABLE_PROFILES::contains)) {
            throw new IllegalStateException(
                    "kiban.clock.* may only be set in the dev, test or e2e profile, not in "
                            + profiles);
        }
        if (config.fixed().isPresent()) {
            LOG.warnf("test clock fixed at %s", config.fixed().get());
            return Clock.fixed(config.fixed().get(), java.time.ZoneOffset.UTC);
        }
        Duration offset = Duration.between(system.instant(), config.startAt().get());
        LOG.warnf("test clock starts at %s (offset %s)", config.startAt().get(), offset);
        return Clock.offset(system, offset);
    }
}
