package io.kiban.maintenance.report;

import io.kiban.maintenance.custody.CustodyStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * R-MT-3 for the alerts: how many data-bearing parts and log media still lack accepted destruction
 * evidence, and the age of the oldest. Refreshed by a job, not on every scrape.
 */
@ApplicationScoped
@Startup
class SanitizationMetrics {

    private final EntityManager em;
    private final Clock clock;
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public SanitizationMetrics(EntityManager em, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        Gauge.builder("kiban_sanitization_outstanding", outstanding, AtomicLong::get)
                .description(
                        "Data-bearing parts and log media without accepted destruction evidence")
                .register(registry);
        Gauge.builder(
                        "kiban_sanitization_outstanding_oldest_age_seconds",
                        oldestAgeSeconds,
                        AtomicLong::get)
                .description(
                        "Age of the oldest part or log medium still without accepted destruction evidence")
                .register(registry);
    }

    @Scheduled(
            every = "${kiban.maintenance.metrics-refresh:60s}",
            delayed = "10s",
            identity = "sanitization-metrics",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void refresh() {
        Object[] row =
                em.createQuery(
                                "select count(i), min(i.createdAt) from CustodyItem i where i.status <> ?1",
                                Object[].class)
                        .setParameter(1, CustodyStatus.EVIDENCE_ACCEPTED)
                        .getSingleResult();
        outstanding.set(((Number) row[0]).longValue());
        Instant oldest = (Instant) row[1];
        oldestAgeSeconds.set(
                oldest == null
                        ? 0
                        : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
    }
}
