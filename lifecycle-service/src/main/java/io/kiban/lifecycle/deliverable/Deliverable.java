package io.kiban.lifecycle.deliverable;

import io.kiban.lifecycle.support.Environment;
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
import java.time.LocalDate;

/** A tracked deliverable or report (R-LC-5, 6, 10, 11, 12, 13). */
@Entity
@Table(name = "deliverable")
public class Deliverable {

    public enum Kind {
        ENVIRONMENT_DEFINITION("R-LC-5"),
        OPERATIONS_MANUAL("R-LC-6"),
        INSTALLATION_PLAN("R-LC-10"),
        PROGRESS_REPORT("R-LC-11"),
        SECURITY_COMPLIANCE("R-LC-12"),
        COST_BREAKDOWN("R-LC-13"),
        /**
         * Security item 1): the confirmation document (確認書類), promptly after signing, before the
         * 別紙2 reports.
         */
        SECURITY_CONFIRMATION("R-LC-12");

        public final String rule;

        Kind(String rule) {
            this.rule = rule;
        }
    }

    public enum Status {
        PENDING,
        SUBMITTED,
        APPROVED,
        RETURNED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    public Environment environment;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    @Column(name = "submitted_by")
    public String submittedBy;

    /** Token identity (issuer#subject) of the submitter: never the reviewer (R-SEC-2). */
    @Column(name = "submitted_by_id")
    public String submittedById;

    @Column(name = "reviewed_by_id")
    public String reviewedById;

    /** Who last recorded the 別紙2 statuses (R-LC-12): never the reviewer (R-SEC-2). */
    @Column(name = "compliance_by")
    public String complianceBy;

    @Column(name = "compliance_by_id")
    public String complianceById;

    @Column(name = "file_sha256")
    public String fileSha256;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "return_reason")
    public String returnReason;

    /**
     * Its place (1, 2, …) in the schedule generated from the contract dates; null when tracked by
     * hand.
     */
    @Column(name = "schedule_seq")
    public Integer scheduleSeq;

    @Version public long version;

    /**
     * #15 item 7: the MAC of the audit entry that decided this row (GET /audit/verify checks the
     * row against it).
     */
    @Column(name = "audit_mac")
    public String auditMac;
}
