package io.kiban.maintenance.ticket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * R-MT-1: records each missed target once in {@code ticket_breach} (beside the ticket: the ticket
 * row and its version are never touched, so a client holding the ticket's ETag is not refused
 * because a deadline passed), counts it ({@code kiban_maintenance_ticket_breaches_total}) and keeps
 * the number of open breached tickets in a gauge ({@code kiban_maintenance_tickets_breached_open}).
 * Transitions record late answers at once — including a ticket cancelled or resolved after its
 * target passed without an answer; the sweep records targets that pass while nobody touches the
 * ticket.
 */
@ApplicationScoped
public class BreachMonitor {

    private static final Logger LOG = Logger.getLogger(BreachMonitor.class);

    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicLong openBreached = new AtomicLong();

    public BreachMonitor(EntityManager em, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        this.registry = registry;
        registry.gauge("kiban.maintenance.tickets.breached.open", openBreached);
    }

    /**
     * Records each target of the (persisted) ticket that was missed by {@code now}; inside the
     * caller's transaction.
     */
    public void flag(Ticket t, Instant now) {
        if (t.responseLate(now)) {
            record(t, TicketBreach.RESPONSE, t.responseDue, now);
        }
        if (t.restorationLate(now)) {
            record(t, TicketBreach.RESTORATION, t.restorationDue, now);
        }
    }

    /** The recorded breaches (targets) per ticket id. */
    public Map<Long, Set<String>> of(Collection<Long> ticketIds) {
        Map<Long, Set<String>> result = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return result;
        }
        em.createQuery("select b from TicketBreach b where b.ticketId in :ids", TicketBreach.class)
                .setParameter("ids", ticketIds)
                .getResultList()
                .forEach(
                        b ->
                                result.computeIfAbsent(b.ticketId, k -> new HashSet<>())
                                        .add(b.target));
        return result;
    }

    public Set<String> of(long ticketId) {
        return of(List.of(ticketId)).getOrDefault(ticketId, Set.of());
    }

    @Scheduled(
            every = "${kiban.maintenance.breach-sweep:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    public void sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Ticket> due =
                em.createQuery(
                                "select t from Ticket t where t.endedAt is null and ("
                                        + "(t.acknowledgedAt is null and t.responseDue < :now and not exists (select 1 from TicketBreach b"
                                        + " where b.ticketId = t.id and b.target = 'response'))"
                                        + " or (t.resolvedAt is null and t.restorationDue < :now and not exists (select 1 from TicketBreach b"
                                        + " where b.ticketId = t.id and b.target = 'restoration')))",
                                Ticket.class)
                        .setParameter("now", now)
                        .getResultList();
        due.forEach(t -> flag(t, now));
        openBreached.set(
                em.createQuery(
                                "select count(t) from Ticket t where t.endedAt is null and exists"
                                        + " (select 1 from TicketBreach b where b.ticketId = t.id)",
                                Long.class)
                        .getSingleResult());
        if (!due.isEmpty()) {
            LOG.infof("R-MT-1: %d ticket(s) newly past their targets", due.size());
        }
    }

    private void record(Ticket t, String target, Instant due, Instant now) {
        int inserted =
                em.createNativeQuery(
                                "INSERT IGNORE INTO ticket_breach (ticket_id, target, severity, due_at,"
                                        + " detected_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, t.id)
                        .setParameter(2, target)
                        .setParameter(3, t.severity.name())
                        .setParameter(4, due)
                        .setParameter(5, now)
                        .executeUpdate();
        if (inserted == 1) {
            Counter.builder("kiban.maintenance.ticket.breaches")
                    .description("R-MT-1: tickets that missed a response or restoration target")
                    .tag("target", target)
                    .tag("severity", t.severity.name())
                    .register(registry)
                    .increment();
        }
    }
}
