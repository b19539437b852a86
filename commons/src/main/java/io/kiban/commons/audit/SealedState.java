package io.kiban.commons.audit;

import io.kiban.commons.json.CanonicalJson;
import java.util.List;
import java.util.Set;

/**
 * #15 item 7: decided business state (an accepted evidence, an approval) sealed by the audit entry
 * that decided it. A service provides one CDI bean per kind of decided state; {@code GET
 * /audit/verify} calls {@link #seals()} and checks every row: the row carries the MAC of its audit
 * entry, that entry exists in the chain for the same entity type, entity id and action, it is the
 * latest of {@link #actions()} for that entity, and its state digest equals the digest of the
 * decided fields recomputed from the row. The deciding service appends its audit entry with exactly
 * those fields as the new state ({@code audit.append(action, type, id, fields)}), so that {@code
 * entry.stateDigest == digest(fields)}, and stores {@code entry.mac} on the row in the same
 * transaction. A row changed after its decision, a decision written without its audit entry, or a
 * MAC copied from another entry (or from an earlier decision of the same entity, e.g. an approval
 * later revoked) is then a violation.
 */
public interface SealedState {

    /** The entity type of these rows, as their audit entries name it (e.g. {@code evidence}). */
    String entityType();

    /**
     * Every action that decides this kind of state (e.g. {@code accept-evidence}, {@code
     * reject-evidence}): the entry a row's MAC names must be the latest entry of one of them for
     * its entity.
     */
    Set<String> actions();

    /** Every row now in a decided state, read from the database (called inside a transaction). */
    List<Seal> seals();

    /**
     * One decided row: its id, the action its state requires (from the row's own status), the MAC
     * stored on the row (null when it has none) and {@link #digest(Object)} of its decided fields
     * recomputed from the row.
     */
    record Seal(String entityId, String action, String mac, String digest) {}

    /**
     * The canonical digest of the decided fields: what {@link AuditTrail#append} stores as the
     * state digest.
     */
    static String digest(Object decidedFields) {
        return CanonicalJson.sha256(decidedFields);
    }
}
