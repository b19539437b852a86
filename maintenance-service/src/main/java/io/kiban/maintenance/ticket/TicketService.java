package io.kiban.maintenance.ticket;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.security.Caller;
import io.kiban.commons.security.Roles;
import io.kiban.maintenance.support.Access;
import io.kiban.maintenance.support.AssetGateway;
import io.kiban.maintenance.support.LifecycleGateway;
import io.kiban.maintenance.ticket.TicketDtos.TicketDetail;
import io.kiban.maintenance.ticket.TicketDtos.TicketInput;
import io.kiban.maintenance.ticket.TicketDtos.TicketView;
import io.kiban.maintenance.ticket.TicketDtos.TransitionView;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Filing and the workflow of tickets (R-MT-1, R-MT-6, R-MT-7). */
@ApplicationScoped
public class TicketService {

    /** Which status may follow which. */
    static final Map<TicketStatus, Set<TicketStatus>> NEXT =
            Map.of(
                    TicketStatus.REPORTED,
                            EnumSet.of(TicketStatus.ACKNOWLEDGED, TicketStatus.CANCELLED),
                    TicketStatus.ACKNOWLEDGED,
                            EnumSet.of(TicketStatus.IN_PROGRESS, TicketStatus.CANCELLED),
                    TicketStatus.IN_PROGRESS,
                            EnumSet.of(
                                    TicketStatus.PARTS_REPLACED,
                                    TicketStatus.RESOLVED,
                                    TicketStatus.CANCELLED),
                    TicketStatus.PARTS_REPLACED, EnumSet.of(TicketStatus.RESOLVED),
                    TicketStatus.RESOLVED,
                            EnumSet.of(TicketStatus.CLOSED, TicketStatus.IN_PROGRESS),
                    TicketStatus.CLOSED, EnumSet.noneOf(TicketStatus.class),
                    TicketStatus.CANCELLED, EnumSet.noneOf(TicketStatus.class));

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final TicketRepository tickets;
    private final TicketTransitionRepository transitions;
    private final OutstandingMedia custody;
    private final AssetGateway asset;
    private final AuditTrail audit;
    private final Access access;
    private final Caller caller;
    private final Clock clock;
    private final TargetsConfig targets;
    private final BreachMonitor breaches;
    private final LifecycleGateway lifecycle;

    public TicketService(
            TicketRepository tickets,
            TicketTransitionRepository transitions,
            OutstandingMedia custody,
            AssetGateway asset,
            AuditTrail audit,
            Access access,
            Caller caller,
            Clock clock,
            TargetsConfig targets,
            BreachMonitor breaches,
            LifecycleGateway lifecycle) {
        this.lifecycle = lifecycle;
        this.tickets = tickets;
        this.transitions = transitions;
        this.custody = custody;
        this.asset = asset;
        this.audit = audit;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
        this.targets = targets;
        this.breaches = breaches;
    }

    @Transactional
    public TicketView file(TicketInput input) {
        Instant now = now();
        String organisation = access.owningOrganisation(input.organisation());
        Instant reportedAt =
                input.reportedAt() == null
                        ? now
                        : input.reportedAt().truncatedTo(ChronoUnit.MICROS);
        Instant occurredAt = input.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.badField("occurredAt", "must not be in the future");
        }
        if (reportedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.badField("reportedAt", "must not be in the future");
        }
        if (reportedAt.isBefore(occurredAt)) {
            throw ProblemException.badField("reportedAt", "must not be before occurredAt");
        }
        String environment = asset.requireHardware("hardwareId", input.hardwareId()).environment();
        lifecycle.requireOpen(environment, "new ticket");
        Ticket t = new Ticket();
        t.organisation = organisation;
        t.hardwareId = input.hardwareId();
        t.severity = input.severity();
        t.faultClass = input.faultClass();
        t.description = input.description();
        t.status = TicketStatus.REPORTED;
        t.occurredAt = occurredAt;
        t.reportedAt = reportedAt;
        t.filedBy = access.actor();
        t.filedById = access.actorId();
        t.filedByJpo = caller.hasRole(Roles.JPO_ADMIN) || caller.hasRole(Roles.JPO_STAFF);
        t.environment = environment;
        TargetsConfig.Target target = targets.of(t.severity);
        t.responseDue = reportedAt.plus(target.response());
        t.restorationDue = reportedAt.plus(target.restoration());
        tickets.persist(t);
        record(t, null, TicketStatus.REPORTED, now, null);
        tickets.flush();
        breaches.flag(t, now);
        TicketView view = TicketView.of(t, now, breaches.of(t.id));
        audit.append("file", "ticket", t.id, view);
        return view;
    }

    public Page<TicketView> list(
            TicketStatus status,
            String hardwareId,
            Boolean breached,
            String organisation,
            PageRequest page) {
        Instant now = now();
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        access.scope()
                .ifPresent(
                        org -> {
                            where.add("t.organisation = :scope");
                            params.and("scope", org);
                        });
        if (organisation != null) {
            where.add("t.organisation = :org");
            params.and("org", organisation);
        }
        if (status != null) {
            where.add("t.status = :status");
            params.and("status", status);
        }
        if (hardwareId != null) {
            where.add("t.hardwareId = :hw");
            params.and("hw", hardwareId);
        }
        if (breached != null) {
            String late =
                    "(exists (select 1 from TicketBreach b where b.ticketId = t.id)"
                            + " or (t.acknowledgedAt is null and t.endedAt is null and t.responseDue < :now)"
                            + " or (t.resolvedAt is null and t.endedAt is null and t.restorationDue < :now))";
            where.add(breached ? late : "not " + late);
            params.and("now", now);
        }
        String query =
                "from Ticket t where " + (where.isEmpty() ? "1 = 1" : String.join(" and ", where));
        var q = tickets.find(query, Sort.by("t.id"), params).page(page.page(), page.size());
        List<Ticket> found = q.list();
        Map<Long, Set<String>> recorded = breaches.of(found.stream().map(t -> t.id).toList());
        return new Page<>(
                found.stream()
                        .map(t -> TicketView.of(t, now, recorded.getOrDefault(t.id, Set.of())))
                        .toList(),
                q.count(),
                page);
    }

    public TicketDetail get(long id) {
        Ticket t = visible(id);
        return new TicketDetail(
                TicketView.of(t, now(), breaches.of(t.id)),
                transitions.of(id).stream().map(TransitionView::of).toList());
    }

    /** The ticket's transitions, one page in id (= recording) order (#15 item 10: paged in SQL). */
    public Page<TransitionView> transitions(long id, PageRequest page) {
        visible(id);
        var query = transitions.find("ticketId = ?1 order by id", id);
        query.page(page.page(), page.size());
        return new Page<>(
                query.list().stream().map(TransitionView::of).toList(), query.count(), page);
    }

    @Transactional
    public TicketView transition(long id, String ifMatch, TicketStatus to, String note) {
        Ticket t = visible(id);
        ETags.check(ifMatch, t.version);
        move(t, to, note);
        tickets.flush();
        TicketView view = TicketView.of(t, now(), breaches.of(t.id));
        audit.append("transition:" + to, "ticket", t.id, view);
        return view;
    }

    /** A ticket the caller may see, or 404. */
    public Ticket visible(long id) {
        return access.visible(tickets.findByIdOptional(id), t -> t.organisation, "ticket", id);
    }

    /** Moves a ticket on, checking order, role and the close gate; called inside a transaction. */
    public void move(Ticket t, TicketStatus to, String note) {
        if (!NEXT.get(t.status).contains(to)) {
            throw ProblemException.of(
                    ProblemType.CONFLICT,
                    "a ticket in "
                            + t.status
                            + " cannot move to "
                            + to
                            + "; next: "
                            + NEXT.get(t.status));
        }
        requireRoleFor(t, to);
        if (to == TicketStatus.CANCELLED && (note == null || note.isBlank())) {
            throw ProblemException.badField(
                    "note", "a cancellation needs a reason (R-MT-1: it stays on the record)");
        }
        if (to == TicketStatus.CLOSED || to == TicketStatus.CANCELLED) {
            closeGate(t, to);
        }
        Instant now = now();
        TicketStatus from = t.status;
        t.status = to;
        switch (to) {
            case ACKNOWLEDGED -> {
                t.acknowledgedAt = now;
                t.acknowledgedByJpo = caller.hasRole(Roles.JPO_ADMIN);
            }
            case RESOLVED -> t.resolvedAt = now;
            case IN_PROGRESS -> {
                if (from == TicketStatus.RESOLVED) {
                    t.resolvedAt = null;
                }
            }
            case CLOSED, CANCELLED -> t.endedAt = now;
            default -> {}
        }
        record(t, from, to, now, note);
        // R-MT-1: a target that passed before this moment stays a breach, whether the ticket was
        // answered, resolved,
        // cancelled or closed; it is recorded beside the ticket
        breaches.flag(t, now);
    }

    /**
     * DOMAIN §8: closing and reopening are jpo-admin's; cancelling is jpo-admin's or the vendor's,
     * but a vendor never cancels a ticket JPO filed; jpo-staff files and reads only. The work steps
     * are the vendor's (and jpo-admin's).
     */
    private void requireRoleFor(Ticket t, TicketStatus to) {
        TicketStatus from = t.status;
        Set<String> allowed =
                switch (to) {
                    case CLOSED -> Set.of(Roles.JPO_ADMIN);
                    case IN_PROGRESS ->
                            from == TicketStatus.RESOLVED
                                    ? Set.of(Roles.JPO_ADMIN)
                                    : Set.of(Roles.JPO_ADMIN, Roles.VENDOR);
                    default -> Set.of(Roles.JPO_ADMIN, Roles.VENDOR);
                };
        if (allowed.stream().noneMatch(caller::hasRole)) {
            throw ProblemException.of(
                    ProblemType.FORBIDDEN,
                    "moving a ticket from "
                            + from
                            + " to "
                            + to
                            + " needs one of the roles "
                            + allowed
                            + " (jpo-staff files and reads tickets; closing, cancelling and reopening are not theirs)");
        }
        if (to == TicketStatus.CANCELLED && t.filedByJpo && !caller.hasRole(Roles.JPO_ADMIN)) {
            throw ProblemException.of(
                    ProblemType.FORBIDDEN,
                    "ticket "
                            + t.id
                            + " was filed by JPO; a vendor may not cancel it (R-MT-1: only jpo-admin may)");
        }
    }

    /**
     * R-MT-6: every data-bearing removed part and failure-log medium of the ticket has accepted
     * evidence.
     */
    private void closeGate(Ticket t, TicketStatus to) {
        List<Problem.Conflict> outstanding = custody.withoutAcceptedEvidence(t.id);
        if (!outstanding.isEmpty()) {
            throw ProblemException.conflict(
                    "R-MT-6",
                    "ticket "
                            + t.id
                            + " cannot be "
                            + to
                            + ": "
                            + outstanding.size()
                            + " data-bearing item(s) lack accepted destruction evidence",
                    outstanding);
        }
    }

    private void record(Ticket t, TicketStatus from, TicketStatus to, Instant at, String note) {
        if (t.id == null) {
            tickets.flush();
        }
        TicketTransition tr = new TicketTransition();
        tr.ticketId = t.id;
        tr.fromStatus = from;
        tr.toStatus = to;
        tr.at = at;
        tr.actor = access.actor();
        tr.note = note;
        transitions.persist(tr);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
