package io.kiban.lifecycle.removal;

import io.kiban.lifecycle.phase.Phase;
import io.kiban.lifecycle.support.Environment;
import java.time.LocalDate;
import java.util.List;

public final class RemovalDtos {

    private RemovalDtos() {}

    public record Readiness(
            Environment environment,
            Phase phase,
            boolean ready,
            LocalDate removalDeadline,
            String removalDeadlineReiwa,
            long daysLeftToRemovalDeadline,
            List<io.kiban.lifecycle.phase.Blocker> blockers,
            List<io.kiban.lifecycle.contract.ContractDtos.RemovalBreach> removalBreaches) {}
}
