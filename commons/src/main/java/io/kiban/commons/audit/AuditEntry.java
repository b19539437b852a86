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

    @Id public long seq;

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
     * The fields the MAC covers (format 2), in a fixed order: every column but the MAC itself, the
     * name shown to people included (as it was when the act was recorded), so that no column of an
     * entry can be edited unseen. Each is length-prefixed by {@link AuditMac}, so no text can move
     * from one field into the next; {@code null} stays distinct from the empty string.
     */
    public java.util.List<String> fields() {
        return java.util.Arrays.asList(
                Long.toString(seq),
                recordedAt.toString(),
                issuer,
                subject,
                actorName,
                roles,
                organisation,
                action,
                entityType,
                entityId,
                stateDigest);
    }

    /**
     * Format 1 (entries recorded before the chain was upgraded; see {@link
     * AuditTrail#FORMAT_2_ACTION}): the bytes the MAC covers, in a fixed order, one field per line:
     * every column but the MAC itself, the name shown to people included (as it was when the act
     * was recorded), so that no column of an entry can be edited unseen.
     */
    public String canonical() {
        return String.join(
                "\n",
                Long.toString(seq),
                recordedAt.toString(),
                issuer,
                subject,
                actorName == null ? "" : actorName,
                roles,
                organisation == null ? "" : organisation,
                action,
                entityType,
                entityId,
                stateDigest);
    }
}
