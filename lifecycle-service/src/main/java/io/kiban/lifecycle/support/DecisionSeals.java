package io.kiban.lifecycle.support;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.audit.LegacySealing;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;

/**
 * #15 item 7 for one kind of decided row of lifecycle-service, on commons' {@link
 * io.kiban.commons.audit.DecisionSeals} (the mechanics, one home for every service since #19): here
 * the decided rows are those of an entity matching a JPQL condition, a decision is sealed with
 * {@link #seal}, and the decisions made before V22 are sealed once per database (marker {@code
 * seal-legacy-<entityType>}).
 */
public abstract class DecisionSeals<T> extends io.kiban.commons.audit.DecisionSeals<T> {

    protected final EntityManager em;
    private final AuditTrail audit;
    private final Class<T> type;
    private final String decided;

    /**
     * @param decided JPQL condition (alias {@code r}) of the rows in a decided state
     * @param idColumn the column (or SQL expression) that identifies a row as its audit entries do
     */
    protected DecisionSeals(
            EntityManager em,
            AuditTrail audit,
            Class<T> type,
            String entityType,
            Set<String> actions,
            String decided,
            String table,
            String idColumn) {
        super(entityType, actions, table, idColumn);
        this.em = em;
        this.audit = audit;
        this.type = type;
        this.decided = decided;
    }

    @Override
    protected List<T> decided() {
        return em.createQuery("select r from " + type.getSimpleName() + " r where " + decided, type)
                .getResultList();
    }

    /**
     * Audits the decision {@code action} of {@code row} (already in its decided state) with its
     * decided fields and answers {@code null}, the MAC the row carries until the commit (#16 §3).
     */
    public String seal(String action, T row) {
        return seal(audit, action, row);
    }

    /**
     * Once per database (commons' {@link LegacySealing}, marker {@code seal-legacy-<entityType>}):
     * rows decided before V22 are sealed as they are now; a row forged later is never laundered.
     */
    void sealLegacy(LegacySealing sealing) {
        sealLegacy(sealing, "seal-legacy-" + entityType(), "V22");
    }
}
