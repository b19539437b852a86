package io.kiban.lifecycle.phase;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an environment: CONTRACTED → BUILDING → IN_SERVICE → END_OF_USE → REMOVING → REMOVED
 * → CLOSED, and the fallback (切り戻し, R-RM-2) from END_OF_USE or REMOVING back to IN_SERVICE.
 */
public enum Phase {
    CONTRACTED,
    BUILDING,
    IN_SERVICE,
    END_OF_USE,
    REMOVING,
    REMOVED,
    CLOSED;

    private static final Map<Phase, Set<Phase>> NEXT =
            Map.of(
                    CONTRACTED, EnumSet.of(BUILDING),
                    BUILDING, EnumSet.of(IN_SERVICE),
                    IN_SERVICE, EnumSet.of(END_OF_USE),
                    END_OF_USE, EnumSet.of(REMOVING, IN_SERVICE),
                    REMOVING, EnumSet.of(REMOVED, IN_SERVICE),
                    REMOVED, EnumSet.of(CLOSED),
                    CLOSED, EnumSet.noneOf(Phase.class));

    public boolean mayBecome(Phase next) {
        return NEXT.get(this).contains(next);
    }

    public Set<Phase> next() {
        return NEXT.get(this);
    }

    public boolean isFallback(Phase next) {
        return next == IN_SERVICE && (this == END_OF_USE || this == REMOVING);
    }

    public boolean atLeast(Phase other) {
        return ordinal() >= other.ordinal();
    }
}
