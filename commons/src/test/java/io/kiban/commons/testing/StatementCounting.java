package io.kiban.commons.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * #16 §3: the base of each service's {@code ReadWithoutTransactionTest}, which proves that a GET
 * writing nothing runs without a JTA transaction (inside one, the driver issued {@code set
 * autocommit=0 · select… · COMMIT · set autocommit=1}) and issues only the selects it needs.
 * Counted with Hibernate's statistics (prepared statements, completed transactions, entity inserts
 * and updates of this JVM), switched on for each test only. The statistics count every transaction
 * of the JVM and the services run timers (audit checkpoint and verification, sweeps, metrics,
 * notifications), so a subclass runs with {@code @TestProfile(StatementCounting.NoTimers.class)}: a
 * timer's transaction is not the GET's.
 */
public abstract class StatementCounting {

    /** No scheduled job runs while a test counts. */
    public static class NoTimers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    @Inject SessionFactory sessionFactory;

    /**
     * This JVM's statistics, counting from the start of the test (after {@link #beforeCounting}).
     */
    protected Statistics statistics;

    /** What a test class must write before the counting starts (fixtures); nothing by default. */
    protected void beforeCounting() {}

    @BeforeEach
    void startCounting() {
        beforeCounting();
        statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
    }

    @AfterEach
    void stopCounting() {
        statistics.setStatisticsEnabled(false);
        statistics.clear();
    }
}
