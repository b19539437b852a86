package io.kiban.lifecycle.deliverable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a security compliance report (別紙2). */
@Entity
@Table(name = "compliance_status")
public class ComplianceStatus {

    /** 実施 / 未実施 / 該当なし. */
    public enum Value {
        IMPLEMENTED,
        NOT_IMPLEMENTED,
        NOT_APPLICABLE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "deliverable_id", nullable = false)
    public Long deliverableId;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Value status;

    public String note;
}
