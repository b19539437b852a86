package io.kiban.commons.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * #15 item 7 for rows decided before a service sealed its decisions: once per database, each such
 * row gets a system audit entry sealing its decided fields as they are now, and its MAC ({@link
 * AuditTrail.Appended#sealAtCommit}); then a marker entry records that it was done, so that a row
 * forged later is never laundered by a second run (/audit/verify reports it instead). Replicas
 * starting together serialise on the chain head, which {@link #sealOnce} locks first. One home for
 * what maintenance-service (contractors, evidence) and lifecycle-service (every kind of decision)
 * did each in their own copy (#19).
 */
@ApplicationScoped
public class LegacySealing {

    /** A row decided before the sealing: its id, the deciding action, its decided fields. */
    public record Row(Object id, String action, Map<String, Object> fields) {}

    private final AuditTrail audit;
    private final AuditRepository entries;

    public LegacySealing(AuditTrail audit, AuditRepository entries) {
        this.audit = audit;
        this.entries = entries;
    }

    /**
     * Seals {@code legacy} (asked only when {@code marker} was never recorded) and records {@code
     * marker}; the MAC goes to {@code table}.{@code audit_mac} of the row whose {@code idColumn} is
     * the row's id. Answers how many rows were sealed (0 when the marker exists). No version bump:
     * the rows' ETags stay what their readers hold.
     *
     * @param migration the migration before which decisions were not sealed, named in the marker
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int sealOnce(
            String marker,
            String migration,
            String entityType,
            String table,
            String idColumn,
            Supplier<List<Row>> legacy) {
        entries.getEntityManager()
                .find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (entries.count("action", marker) > 0) {
            return 0;
        }
        List<Row> rows = legacy.get();
        for (Row row : rows) {
            system(row.action(), entityType, row.id(), row.fields())
                    .sealAtCommit(table, "audit_mac", idColumn, row.id());
        }
        system(
                marker,
                entityType,
                migration,
                Map.of("sealed", rows.stream().map(r -> String.valueOf(r.id())).toList()));
        return rows.size();
    }

    private AuditTrail.Appended system(
            String action, String entityType, Object entityId, Object state) {
        return audit.appendAs(
                "system",
                "legacy-seal",
                "decision recorded before #15 item 7",
                null,
                "",
                action,
                entityType,
                entityId,
                state);
    }
}
