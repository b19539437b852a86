package io.kiban.lifecycle.handler;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One person on the list of information handlers (情報取扱者名簿, R-SEC-1). */
@Entity
@Table(name = "approved_handler")
public class ApprovedHandler {

    public enum Status {
        PROPOSED,
        APPROVED,
        REJECTED,
        REMOVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    /**
     * Personal data (R-SEC-1): shown only to jpo-admin, the auditor and the handler's own
     * organisation.
     */
    public String address;

    /** Personal data (R-SEC-1), like {@link #address}. */
    @Column(name = "date_of_birth")
    public java.time.LocalDate dateOfBirth;

    public String department;

    @Column(name = "job_position")
    public String position;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "handler_role", nullable = false)
    public String role;

    @Column(nullable = false)
    public String affiliation;

    @Column(nullable = false)
    public String expertise;

    @Column(nullable = false)
    public String nationality;

    /** Track record of comparable work (security 4)). */
    @Column(name = "track_record")
    public String trackRecord;

    /** Keycloak user id or username. */
    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    /** The account (issuer#subject) that proposed the entry (R-SEC-2); null before V42. */
    @Column(name = "proposed_by_id")
    public String proposedById;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "removed_by")
    public String removedBy;

    @Column(name = "removed_at")
    public Instant removedAt;

    public String note;

    /**
     * Whether Keycloak's realm role matches the status (granted when APPROVED, absent when
     * REMOVED).
     */
    @Column(name = "role_synced", nullable = false)
    public boolean roleSynced;

    /** A proposed change of an approved entry (JSON), applied when jpo-admin approves it. */
    @Column(name = "pending_change")
    public String pendingChange;

    /** Who proposed the waiting change (R-SEC-2: never its approver). */
    @Column(name = "pending_change_by")
    public String pendingChangeBy;

    /** The account (issuer#subject) that proposed the waiting change; null before V42. */
    @Column(name = "pending_change_by_id")
    public String pendingChangeById;

    @Version public long version;

    /**
     * #15 item 7: the MAC of the audit entry that decided this row (GET /audit/verify checks the
     * row against it).
     */
    @Column(name = "audit_mac")
    public String auditMac;

    /**
     * #15 item 7: the action of that audit entry ({@code approve} or {@code approve-change} for an
     * approved entry).
     */
    @Column(name = "audit_action")
    public String auditAction;
}
