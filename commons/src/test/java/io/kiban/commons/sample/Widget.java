package io.kiban.commons.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "sample_widget")
public class Widget {

    public enum Kind {
        SMALL,
        LARGE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "parent_id")
    public Long parentId;

    /** #15 item 7 sample: a decision sealed by its audit entry. */
    @Column(nullable = false)
    public boolean approved;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public java.time.Instant approvedAt;

    /** The MAC of the audit entry that approved the widget. */
    @Column(name = "audit_mac")
    public String auditMac;

    @Version public long version;

    /** The decided fields the approval's audit entry seals. */
    public java.util.Map<String, Object> approvalSeal() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("approved", approved);
        m.put("approvedBy", approvedBy);
        m.put("approvedAt", approvedAt);
        return m;
    }
}
