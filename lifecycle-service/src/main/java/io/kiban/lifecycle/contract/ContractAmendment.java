package io.kiban.lifecycle.contract;

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

/**
 * A proposed amendment of the contract (R-SEC-2): one jpo-admin proposes the whole new contract
 * against the version reviewed, a second jpo-admin approves it; only then is the contract changed.
 */
@Entity
@Table(name = "contract_amendment")
public class ContractAmendment {

    public enum Status {
        PROPOSED,
        APPROVED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The contract version the proposal was made against; approval needs it unchanged. */
    @Column(name = "base_version", nullable = false)
    public long baseVersion;

    /** The proposed contract (ContractInput as JSON). */
    @Column(nullable = false)
    public String proposal;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(name = "proposed_by_id", nullable = false)
    public String proposedById;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_by_id")
    public String decidedById;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version public long version;

    /**
     * #15 item 7: the MAC of the audit entry that decided this row (GET /audit/verify checks the
     * row against it).
     */
    @Column(name = "audit_mac")
    public String auditMac;
}
