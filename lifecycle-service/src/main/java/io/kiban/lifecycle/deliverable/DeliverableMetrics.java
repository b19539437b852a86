package io.kiban.lifecycle.deliverable;

import io.kiban.commons.paging.PageRequest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Overdue deliverables and reports for the alerts (R-LC-5…13), refreshed by a job. */
@ApplicationScoped
@Startup
public class DeliverableMetrics {

    private final DeliverableService deliverables;
    private final AtomicLong overdue = new AtomicLong();

    public DeliverableMetrics(DeliverableService deliverables, MeterRegistry registry) {
        this.deliverables = deliverables;
        Gauge.builder("kiban_deliverables_overdue", overdue, AtomicLong::get)
                .description("Deliverables and reports past their due date and not approved")
                .register(registry);
    }

    @Scheduled(
            every = "${kiban.lifecycle.metrics-refresh:5m}",
            delayed = "10s",
            identity = "deliverable-metrics",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        overdue.set(deliverables.list(null, true, PageRequest.of(0, 1)).total());
    }
}
