package io.kiban.lifecycle.phase;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.kiban.lifecycle.phase.PhaseDtos.PhaseView;
import io.kiban.lifecycle.phase.PhaseDtos.TransitionInput;
import io.kiban.lifecycle.phase.PhaseDtos.TransitionView;
import io.kiban.lifecycle.support.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Phases per environment (R-RM-1) with the fallback (R-RM-2); completing removal passes the removal
 * gate (R-RM-1, R-RM-3, R-RM-4, R-LC-8) or answers 409 with its blockers.
 */
@ApplicationScoped
public class PhaseService {

    private final PhaseRepository phases;
    private final TransitionRepository transitions;
    private final RemovalBlockers gate;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public PhaseService(
            PhaseRepository phases,
            TransitionRepository transitions,
            RemovalBlockers gate,
            AuditTrail audit,
            Caller caller,
            Clock clock) {
        this.phases = phases;
        this.transitions = transitions;
        this.gate = gate;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PhaseView> list() {
        return Arrays.stream(Environment.values())
                .map(e -> PhaseView.of(phases.findById(e)))
                .toList();
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public PhaseView get(Environment env) {
        return PhaseView.of(phases.findById(env));
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TransitionView> history(Environment env) {
        return transitions.list("environment = ?1 order by id", env).stream()
                .map(
                        t ->
                                new TransitionView(
                                        t.id,
                                        t.environment,
                                        t.from,
                                        t.to,
                                        t.at,
                                        t.actor,
                                        t.reason,
                                        t.costNote))
                .toList();
    }

    /**
     * {@code ifMatch}: the phase's version; required for a fallback (R-RM-2 is a JPO decision on
     * the state it reviewed, R-SEC-2), checked when given for any other transition.
     */
    @Transactional
    public PhaseView transition(Environment env, TransitionInput in, String ifMatch) {
        EnvironmentPhase p = phases.findById(env, LockModeType.PESSIMISTIC_WRITE);
        Phase from = p.phase;
        Phase to = in.to();
        if (from.isFallback(to) || (ifMatch != null && !ifMatch.isBlank())) {
            io.kiban.commons.concurrency.ETags.check(ifMatch, p.version);
        }
        if (from == to) {
            throw ProblemException.rule("R-RM-1", env + " is already " + to);
        }
        if (to == Phase.IN_SERVICE && (from == Phase.REMOVED || from == Phase.CLOSED)) {
            throw ProblemException.rule(
                    "R-RM-2",
                    "fallback is possible only until removal completes; " + env + " is " + from);
        }
        if (!from.mayBecome(to)) {
            throw ProblemException.rule(
                    "R-RM-1",
                    env
                            + " cannot go from "
                            + from
                            + " to "
                            + to
                            + " (allowed: "
                            + from.next()
                            + ")");
        }
        if (from.isFallback(to)) {
            if (blank(in.reason())) {
                throw ProblemException.rule(
                        "R-RM-2", "a fallback (切り戻し) records the JPO decision's reason (reason)");
            }
            if (Boolean.TRUE.equals(in.newCost()) && blank(in.costNote())) {
                throw ProblemException.rule(
                        "R-RM-2",
                        "a fallback that gives rise to new cost (newCost: true) records a "
                                + "note of that cost, to agree separately (costNote)");
            }
        }
        if (env == Environment.SHARED && to == Phase.REMOVING) {
            for (Environment other : List.of(Environment.PRODUCTION, Environment.STAGING)) {
                if (!phases.findById(other).phase.atLeast(Phase.REMOVING)) {
                    throw ProblemException.rule(
                            "R-RM-1",
                            "the shared distribution board is removed with the last environment; "
                                    + other
                                    + " is not being removed yet");
                }
            }
        }
        if (to == Phase.REMOVED || to == Phase.CLOSED) {
            // CLOSED: nothing may have appeared since removal (R-RM-1, R-RM-3, R-RM-4): the
            // readiness is still empty
            List<Blocker> blockers = gate.blockers(env);
            if (!blockers.isEmpty()) {
                throw ProblemException.conflict(
                        "R-RM-1",
                        env
                                + " cannot be "
                                + (to == Phase.CLOSED ? "closed" : "removed")
                                + " yet: "
                                + blockers.size()
                                + " blocker(s)",
                        blockers.stream()
                                .map(
                                        b ->
                                                new Problem.Conflict(
                                                        b.kind(), b.id(), b.detail(), b.source()))
                                .toList());
            }
        }
        p.phase = to;
        p.enteredAt = clock.instant();
        if (to == Phase.REMOVING) {
            p.removingEnteredAt = p.enteredAt;
        }
        PhaseTransition t = new PhaseTransition();
        t.environment = env;
        t.from = from;
        t.to = to;
        t.at = p.enteredAt;
        t.actor = caller.name();
        t.reason = in.reason();
        t.costNote = in.costNote();
        transitions.persist(t);
        phases.flush();
        PhaseView view = PhaseView.of(p);
        audit.append(
                from.isFallback(to) ? "fallback" : "transition", "environment-phase", env, view);
        return view;
    }

    /** R-LC-8: why removal completes after the removal deadline. */
    @Transactional
    public PhaseView recordLateReason(Environment env, String reason) {
        EnvironmentPhase p = phases.findById(env);
        p.lateRemovalReason = reason;
        phases.flush();
        PhaseView view = PhaseView.of(p);
        audit.append("late-removal-reason", "environment-phase", env, view);
        return view;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
