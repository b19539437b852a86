package io.kiban.lifecycle.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;

/**
 * The table {@code notification_watch}: the state the minute poll last saw of an object of another
 * service, so a change into a state is one event (its generation numbers it: a second rejection
 * after a resubmission is another).
 */
@ApplicationScoped
class Watch {

    public record Seen(String observed, int generation) {}

    private final EntityManager em;
    private final Clock clock;

    public Watch(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Everything seen so far, by key (one read per poll). */
    public java.util.Map<String, Seen> all() {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            @SuppressWarnings("unchecked")
                            List<Object[]> rows =
                                    em.createNativeQuery(
                                                    "SELECT watch_key, observed, generation FROM notification_watch")
                                            .getResultList();
                            java.util.Map<String, Seen> map = new java.util.HashMap<>();
                            for (Object[] r : rows) {
                                map.put(
                                        (String) r[0],
                                        new Seen((String) r[1], ((Number) r[2]).intValue()));
                            }
                            return map;
                        });
    }

    /** What was seen of {@code key} last, or {@code null, 0} never. */
    public Seen last(String key) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            @SuppressWarnings("unchecked")
                            List<Object[]> rows =
                                    em.createNativeQuery(
                                                    "SELECT observed, generation FROM notification_watch WHERE watch_key = ?1")
                                            .setParameter(1, key)
                                            .getResultList();
                            return rows.isEmpty()
                                    ? new Seen(null, 0)
                                    : new Seen(
                                            (String) rows.get(0)[0],
                                            ((Number) rows.get(0)[1]).intValue());
                        });
    }

    /**
     * Records what was seen now (absolute values: two pollers recording the same observation
     * agree).
     */
    public void record(String key, String observed, int generation) {
        java.time.Instant now = clock.instant();
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                em.createNativeQuery(
                                                "INSERT INTO notification_watch (watch_key, observed, generation, observed_at) VALUES (?1, ?2, ?3, ?4) "
                                                        + "ON DUPLICATE KEY UPDATE observed = VALUES(observed), "
                                                        + "generation = GREATEST(generation, VALUES(generation)), observed_at = VALUES(observed_at)")
                                        .setParameter(1, key)
                                        .setParameter(2, observed)
                                        .setParameter(3, generation)
                                        .setParameter(4, now)
                                        .executeUpdate());
    }
}
