package io.kiban.commons.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** An audit entry as the API shows it. */
@RegisterForReflection
public record AuditRecord(
        long seq,
        Instant recordedAt,
        String issuer,
        String subject,
        String actorName,
        String roles,
        String organisation,
        String action,
        String entityType,
        String entityId,
        String stateDigest,
        String mac) {

    static AuditRecord of(AuditEntry e) {
        return new AuditRecord(
                e.seq,
                e.recordedAt,
                e.issuer,
                e.subject,
                e.actorName,
                e.roles,
                e.organisation,
                e.action,
                e.entityType,
                e.entityId,
                e.stateDigest,
                e.mac);
    }
}
