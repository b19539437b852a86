package io.kiban.lifecycle.removal;

import io.kiban.lifecycle.phase.Phase;
import io.kiban.lifecycle.support.Environment;
import java.time.LocalDate;
import java.util.List;

public final class RemovalDtos {

    private RemovalDtos() {
    }

    /** One thing that stands in the way of removal: what, its id, and where it lives. */
    public record Blocker(String kind, String id, String detail, String source) {
    }

    public record Readiness(Environment environment, Phase phase, boolean ready, LocalDate removalDeadline,
            String removalDeadlineReiwa, long daysLeftToRemovalDeadline, List<Blocker> blockers,
            List<io.kiban.lifecycle.contract.ContractDtos.RemovalBreach> removalBreaches) {
    }
}
