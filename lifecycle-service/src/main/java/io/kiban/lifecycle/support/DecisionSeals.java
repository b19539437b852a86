package io.kiban.lifecycle.support;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.audit.LegacySealing;
import io.kiban.commons.audit.SealedState;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7 for one kind of decided row of this service: the decision is audited with exactly the
 * row's decided fields as its new state ({@link #seal}) and the row keeps the entry's MAC ({@code
 * audit_mac}); commons' {@code GET /audit/verify} reads {@link #seals()} and reports every row
 * whose decided fields, state or MAC no longer match the latest deciding audit entry of its entity
 * (a row changed in SQL, a decision written without its audit entry, a MAC copied from another
 * entry, a later decision rolled back).
 */
public abstract class DecisionSeals<T> implements SealedState {

    protected final EntityManager em;
    private final AuditTrail audit;
    private final Class<T> type;
    private final String entityType;
    private final Set<String> actions;
    private final String decided;
    private final String table;
    private final String idColumn;

    /**
     * @param decided JPQL condition (alias {@code r}) of the rows in a decided state
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
        this.em = em;
        this.audit = audit;
        this.type = type;
        this.entityType = entityType;
        this.actions = actions;
        this.decided = decided;
        this.table = table;
        this.idColumn = idColumn;
    }

    /** The row's id as its audit entries name it. */
    protected abstract Object idOf(T row);

    /** The deciding action the row's current state requires. */
    protected abstract String actionOf(T row);

    /** The MAC stored on the row (null when none). */
    protected abstract String macOf(T row);

    /** The decided fields, as the deciding audit entry sealed them. */
    protected abstract Map<String, Object> fields(T row);

    @Override
    public String entityType() {
        return entityType;
    }

    @Override
    public Set<String> actions() {
        return actions;
    }

    @Override
    public List<Seal> seals() {
        return em
                .createQuery("select r from " + type.getSimpleName() + " r where " + decided, type)
                .getResultList()
                .stream()
                .map(
                        r ->
                                new Seal(
                                        String.valueOf(idOf(r)),
                                        actionOf(r),
                                        macOf(r),
                                        SealedState.digest(fields(r))))
                .toList();
    }

    /**
     * Audits the decision {@code action} of {@code row} (already in its decided state) with its
     * decided fields and answers {@code null}, the MAC the row carries until the commit: the
     * entry's MAC is stored on the row when the transaction commits, right after the entry (#16 §3,
     * {@link io.kiban.commons.audit.AuditTrail.Appended#sealAtCommit}).
     */
    public String seal(String action, T row) {
        if (!actions.contains(action)) {
            throw new IllegalArgumentException(action + " does not decide a " + entityType);
        }
        return audit.append(action, entityType, idOf(row), fields(row))
                .sealAtCommit(table, "audit_mac", keyColumn(), keyOf(row));
    }

    /**
     * The column the MAC is written by at commit: the id column, unless that is an expression (then
     * override).
     */
    protected String keyColumn() {
        return idColumn;
    }

    /** The value of {@link #keyColumn()} for {@code row}. */
    protected Object keyOf(T row) {
        return idOf(row);
    }

    /**
     * Once per database (commons' {@link LegacySealing}, marker {@code seal-legacy-<entityType>}):
     * rows decided before V22 are sealed as they are now; a row forged later is never laundered.
     */
    void sealLegacy(LegacySealing sealing) {
        sealing.sealOnce(
                "seal-legacy-" + entityType,
                "V22",
                entityType,
                table,
                idColumn,
                () ->
                        em
                                .createQuery(
                                        "select r from "
                                                + type.getSimpleName()
                                                + " r where "
                                                + decided,
                                        type)
                                .getResultList()
                                .stream()
                                .filter(r -> macOf(r) == null)
                                .map(r -> new LegacySealing.Row(idOf(r), actionOf(r), fields(r)))
                                .toList());
    }

    /**
     * An instant as sealed: to the second, as the database gives it back whatever its fractional
     * precision.
     */
    protected static String at(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    protected static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
