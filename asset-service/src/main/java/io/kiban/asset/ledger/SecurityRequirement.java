package io.kiban.asset.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

/** Sheet 8 (情報セキュリティ要件): one requirement and how it is met. */
@Entity
@Audited
@Table(name = "security_requirement")
public class SecurityRequirement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "code", nullable = false)
    public String code;

    @Column(name = "requirement", nullable = false)
    public String requirement;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public ComplianceStatus status;

    @Column(name = "note")
    public String note;

    @Version public long version;
}
