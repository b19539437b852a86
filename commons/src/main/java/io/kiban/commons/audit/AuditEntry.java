package io.kiban.commons.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One link of the append-only audit chain. Never updated or deleted by the application. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public long seq;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String issuer;

    @Column(nullable = false)
    public String subject;

    @Column(name = "actor_name")
    public String actorName;

    @Column(nullable = false)
    public String roles;

    public String organisation;

    @Column(nullable = false)
    public String action;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public String entityId;

    @Column(name = "state_digest", nullable = false, columnDefinition = "CHAR(64)")
    public String stateDigest;

    @Column(nullable = false, columnDefinition = "CHAR(64)")
    public String mac;

    /**
     * The bytes the MAC covers, in a fixed order, one field per line. The name shown to people is
     * not covered: it comes from the token and may change; issuer and subject identify the actor.
     */
    public String canonical() {
        return String.join("\n",
                Long.toString(seq),
                recordedAt.toString(),
                issuer,
                subject,
                roles,
                organisation == null ? "" : organisation,
                action,
                entityType,
                entityId,
                stateDigest);
    }
}
