package io.kiban.lifecycle.deliverable;

import io.kiban.commons.time.ClockProducer;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** Data access of the deliverable feature (moved out of {@code DeliverableService}, #19). */
@ApplicationScoped
class DeliverableRepository implements PanacheRepository<Deliverable> {

    /**
     * The day (JPO time) the last deliverable of each kind was approved; a kind never approved is
     * absent (R-LC-12 counts its year from it).
     */
    Map<Deliverable.Kind, LocalDate> lastApprovals() {
        Map<Deliverable.Kind, LocalDate> last = new EnumMap<>(Deliverable.Kind.class);
        for (Object[] row :
                getEntityManager()
                        .createQuery(
                                "select d.kind, max(d.reviewedAt) from Deliverable d"
                                        + " where d.status = :status group by d.kind",
                                Object[].class)
                        .setParameter("status", Deliverable.Status.APPROVED)
                        .getResultList()) {
            if (row[1] != null) {
                last.put(
                        (Deliverable.Kind) row[0],
                        LocalDate.ofInstant((Instant) row[1], ClockProducer.JPO_ZONE));
            }
        }
        return last;
    }
}
