package io.kiban.commons.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7 for one kind of decided row of a service (a contractor's approval, an evidence
 * decision, a delay's approval, an archive's receipt, …); one home since #19, for every service: a
 * decision is audited with exactly the row's decided fields as its new state ({@link #seal}) and
 * the row keeps the entry's MAC ({@code audit_mac}); {@code GET /audit/verify} reads {@link
 * #seals()} and reports every row whose decided fields, state or MAC no longer match the latest
 * deciding audit entry of its entity (a row changed in SQL, a decision written without its audit
 * entry, a MAC copied from another entry, a later decision rolled back). A subclass names its
 * decided rows and their fields.
 *
 * @param <T> the decided entity
 */
public abstract class DecisionSeals<T> implements SealedState {

    private final String entityType;
    private final Set<String> actions;
    private final String table;
    private final String idColumn;

    /**
     * @param entityType the audit entries' entity type (and the name of the kind in /audit/verify)
     * @param actions the audit actions that decide such a row
     * @param table the table whose rows carry {@code audit_mac}
     * @param idColumn the column that identifies a row of {@code table}
     */
    protected DecisionSeals(String entityType, Set<String> actions, String table, String idColumn) {
        this.entityType = entityType;
        this.actions = Set.copyOf(actions);
        this.table = table;
        this.idColumn = idColumn;
    }

    /** Every row in a decided state. */
    protected abstract List<T> decided();

    /** The row's id as its audit entries name it. */
    protected abstract Object idOf(T row);

    /** The deciding action the row's current state requires. */
    protected abstract String actionOf(T row);

    /** The MAC stored on the row (null when none). */
    protected abstract String macOf(T row);

    /** The decided fields, exactly as the deciding audit entry sealed them. */
    protected abstract Map<String, Object> fields(T row);

    @Override
    public final String entityType() {
        return entityType;
    }

    @Override
    public final Set<String> actions() {
        return actions;
    }

    @Override
    public List<Seal> seals() {
        return decided().stream()
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
     * entry's MAC is stored on the row when the transaction commits, right after the entry ({@link
     * AuditTrail.Appended#sealAtCommit}).
     */
    protected final String seal(AuditTrail audit, String action, T row) {
        if (!actions.contains(action)) {
            throw new IllegalArgumentException(action + " does not decide a " + entityType);
        }
        return audit.append(action, entityType, idOf(row), fields(row))
                .sealAtCommit(table, "audit_mac", keyColumn(), keyOf(row));
    }

    /**
     * The column the MAC is written by at commit: the id column, unless that is an expression (then
     * override with {@link #keyOf}).
     */
    protected String keyColumn() {
        return idColumn;
    }

    /** The value of {@link #keyColumn()} for {@code row}. */
    protected Object keyOf(T row) {
        return idOf(row);
    }

    /**
     * Once per database ({@link LegacySealing}: the {@code marker}, the chain head locked first):
     * decisions made before {@code sinceMigration} introduced the MACs are sealed as they are now;
     * a row without a MAC decided later is never laundered here (/audit/verify reports it). In the
     * caller's transaction, or a new one. {@code marker} is stored in every database: never change
     * it once released.
     */
    protected final void sealLegacy(LegacySealing sealing, String marker, String sinceMigration) {
        QuarkusTransaction.joiningExisting()
                .run(
                        () ->
                                sealing.sealOnce(
                                        marker,
                                        sinceMigration,
                                        entityType,
                                        table,
                                        idColumn,
                                        () ->
                                                decided().stream()
                                                        .filter(r -> macOf(r) == null)
                                                        .map(
                                                                r ->
                                                                        new LegacySealing.Row(
                                                                                idOf(r),
                                                                                actionOf(r),
                                                                                fields(r)))
                                                        .toList()));
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
