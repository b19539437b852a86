package io.kiban.asset.hardware;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a leased item: ORDERED → DELIVERED → INSTALLED → ACCEPTED → IN_SERVICE → END_OF_USE →
 * REMOVED, and END_OF_USE → IN_SERVICE when JPO falls back to this set (R-RM-2).
 */
public enum HardwareStatus {
    ORDERED,
    DELIVERED,
    INSTALLED,
    ACCEPTED,
    IN_SERVICE,
    END_OF_USE,
    REMOVED;

    private static final Map<HardwareStatus, Set<HardwareStatus>> NEXT =
            Map.of(
                    ORDERED, EnumSet.of(DELIVERED),
                    DELIVERED, EnumSet.of(INSTALLED),
                    INSTALLED, EnumSet.of(ACCEPTED),
                    ACCEPTED, EnumSet.of(IN_SERVICE),
                    IN_SERVICE, EnumSet.of(END_OF_USE),
                    END_OF_USE, EnumSet.of(REMOVED, IN_SERVICE),
                    REMOVED, EnumSet.noneOf(HardwareStatus.class));

    public boolean mayBecome(HardwareStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<HardwareStatus> next() {
        return NEXT.get(this);
    }

    /** Delivered and not yet removed: it is on site. */
    public boolean isDelivered() {
        return this != ORDERED;
    }
}
