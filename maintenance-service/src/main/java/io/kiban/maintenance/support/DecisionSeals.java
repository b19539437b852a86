package io.kiban.maintenance.support;

import io.kiban.commons.audit.LegacySealing;
import io.kiban.commons.audit.SealedState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7 for one kind of decided row of this service (a contractor's approval or revocation,
 * R-MT-4; an evidence decision, R-MT-6), one home since #19: the row keeps the MAC of the audit
 * entry that decided it, commons' {@code GET /audit/verify} reads {@link #seals()} and reports
 * every row whose decided fields or MAC no longer match that entry (a row changed in SQL, a
 * decision written without its audit entry, a MAC copied from another entry, a later decision
 * rolled back). The subclass names its rows and fields; it observes the start-up and calls {@link
 * #sealLegacy()} in a transaction.
 *
 * @param <T> the decided entity
 */
public abstract class DecisionSeals<T> implements SealedState {

    /**
     * The migration that introduced the MACs: decisions older than it are sealed once as they are.
     */
    private static final String SEALED_SINCE = "V30";

    private final LegacySealing legacySealing;
    private final String entityType;
    private final Set<String> actions;
    private final String table;
    private final String legacyMarker;

    /**
     * @param entityType the audit entries' entity type (and the name of the kind in /audit/verify)
     * @param actions the audit actions that decide such a row
     * @param table the table whose {@code id} rows carry {@code audit_mac}
     * @param legacyMarker the audit action that records that the one-off legacy sealing was done
     *     (never changed once released: it is stored in every database)
     */
    protected DecisionSeals(
            LegacySealing legacySealing,
            String entityType,
            Set<String> actions,
            String table,
            String legacyMarker) {
        this.legacySealing = legacySealing;
        this.entityType = entityType;
        this.actions = Set.copyOf(actions);
        this.table = table;
        this.legacyMarker = legacyMarker;
    }

    /** Every row in a decided state, in id order. */
    protected abstract List<T> decided();

    protected abstract long idOf(T row);

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
    public final List<Seal> seals() {
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
     * Once per database (commons' {@link LegacySealing}: the marker, the chain head locked first):
     * decisions made before V30 are sealed as they are now. Later rows without a MAC are never
     * sealed here: /audit/verify reports them. In the caller's transaction, or a new one.
     */
    protected final void sealLegacy() {
        QuarkusTransaction.joiningExisting()
                .run(
                        () ->
                                legacySealing.sealOnce(
                                        legacyMarker,
                                        SEALED_SINCE,
                                        entityType,
                                        table,
                                        "id",
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
}
