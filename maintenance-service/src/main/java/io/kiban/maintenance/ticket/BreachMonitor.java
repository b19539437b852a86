package io.kiban.maintenance.ticket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * R-MT-1: flags tickets whose response or restoration target passed, counts each breach once
 * ({@code kiban_maintenance_ticket_breaches_total}) and keeps the number of open breached tickets in
 * a gauge ({@code kiban_maintenance_tickets_breached_open}). Transitions flag late answers at once;
 * the sweep catches targets that pass while nobody touches the ticket.
 */
@ApplicationScoped
public class BreachMonitor {

    private static final Logger LOG = Logger.getLogger(BreachMonitor.class);

    private final TicketRepository tickets;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicLong openBreached = new AtomicLong();

    public BreachMonitor(TicketRepository tickets, Clock clock, MeterRegistry registry) {
        this.tickets = tickets;
        this.clock = clock;
        this.registry = registry;
        registry.gauge("kiban.maintenance.tickets.breached.open", openBreached);
    }

    /** Sets the ticket's breach flags from its times; counts each flag the first time it is raised. */
    public void flag(Ticket t, Instant now) {
        if (!t.responseBreached && t.responseLate(now) && (t.acknowledgedAt != null || t.status.isOpen())) {
            t.responseBreached = true;
            count(t, "response");
        }
        if (!t.restorationBreached && t.restorationLate(now) && (t.resolvedAt != null || t.status.isOpen())) {
            t.restorationBreached = true;
            count(t, "restoration");
        }
    }

    @Scheduled(every = "${kiban.maintenance.breach-sweep:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    public void sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Ticket> due = tickets.list("endedAt is null and ((responseBreached = false and acknowledgedAt is null"
                + " and responseDue < ?1) or (restorationBreached = false and resolvedAt is null and restorationDue < ?1))",
                now);
        due.forEach(t -> flag(t, now));
        openBreached.set(tickets.count("endedAt is null and (responseBreached = true or restorationBreached = true)"));
        if (!due.isEmpty()) {
            LOG.infof("R-MT-1: %d ticket(s) newly past their targets", due.size());
        }
    }

    private void count(Ticket t, String target) {
        Counter.builder("kiban.maintenance.ticket.breaches")
                .description("R-MT-1: tickets that missed a response or restoration target")
                .tag("target", target).tag("severity", t.severity.name())
                .register(registry).increment();
    }
}
