package io.kiban.lifecycle.phase;

import io.kiban.commons.time.ClockProducer;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.contract.ContractDeadlines;
import io.kiban.lifecycle.contract.ContractDtos.Deadline;
import io.kiban.lifecycle.contract.ContractDtos.RemovalBreach;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.phase.PhaseDtos.PhaseView;
import io.kiban.lifecycle.phase.PhaseDtos.TransitionView;
import io.kiban.lifecycle.support.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * R-LC-8: removal by the removal deadline is an obligation. Removal after it is still possible, but
 * it is a breach, recorded from the phase history (when the environment reached REMOVED) and shown
 * by the deadlines, the overview and the archive; a late-removal reason is shown beside it and
 * never makes it disappear.
 */
@ApplicationScoped
public class RemovalObligation implements ContractDeadlines {

    private final ContractService contracts;
    private final PhaseService phases;
    private final Clock clock;

    public RemovalObligation(ContractService contracts, PhaseService phases, Clock clock) {
        this.contracts = contracts;
        this.phases = phases;
        this.clock = clock;
    }

    /**
     * Every environment removed after the deadline, or not removed while the deadline has passed.
     */
    @Transactional
    public List<RemovalBreach> breaches() {
        Contract c = contracts.contract();
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.JPO_ZONE));
        List<RemovalBreach> breaches = new ArrayList<>();
        for (PhaseView p : phases.list()) {
            Environment env = p.environment();
            LocalDate removedOn =
                    phases.history(env).stream()
                            .filter(t -> t.to() == Phase.REMOVED)
                            .map(TransitionView::at)
                            .reduce((a, b) -> b)
                            .map(at -> LocalDate.ofInstant(at, ClockProducer.JPO_ZONE))
                            .orElse(null);
            boolean removed =
                    removedOn != null && (p.phase() == Phase.REMOVED || p.phase() == Phase.CLOSED);
            if (removed && removedOn.isAfter(c.removalDeadline)) {
                breaches.add(
                        new RemovalBreach(
                                "R-LC-8",
                                env,
                                c.removalDeadline,
                                removedOn,
                                ChronoUnit.DAYS.between(c.removalDeadline, removedOn),
                                RemovalBreach.Kind.REMOVED_LATE,
                                p.lateRemovalReason()));
            } else if (!removed && today.isAfter(c.removalDeadline)) {
                breaches.add(
                        new RemovalBreach(
                                "R-LC-8",
                                env,
                                c.removalDeadline,
                                null,
                                ChronoUnit.DAYS.between(c.removalDeadline, today),
                                RemovalBreach.Kind.NOT_REMOVED,
                                p.lateRemovalReason()));
            }
        }
        return breaches;
    }

    /** The contract's deadlines; the removal deadline carries its breaches (R-LC-8). */
    @Transactional
    @Override
    public List<Deadline> deadlines() {
        List<RemovalBreach> breaches = breaches();
        return contracts.deadlines().stream()
                .map(d -> "removal".equals(d.id()) ? d.withBreaches(breaches) : d)
                .toList();
    }
}
