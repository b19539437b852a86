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
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/** Sheet 11: a work record (作業実績), risk, issue (課題) or failure cause (障害原因). */
@Entity
@Audited
@Table(name = "work_record")
public class WorkRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public WorkKind kind;

    @Column(name = "recorded_on", nullable = false)
    public LocalDate recordedOn;

    @Column(name = "title", nullable = false)
    public String title;

    @Column(name = "description")
    public String description;

    @Column(name = "owner")
    public String owner;

    @Column(name = "state")
    public String state;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Version public long version;
}
