package io.kiban.backup.target;

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
 * Something on one of the two disk arrays that is backed up: a namespace, a VM, a volume or a
 * database.
 */
@Entity
@Table(name = "backup_target")
public class BackupTarget {

    public enum ArrayKind {
        K8S_ARRAY,
        VIRT_ARRAY
    }

    public enum Environment {
        PRODUCTION,
        STAGING
    }

    public enum Kind {
        NAMESPACE,
        VM,
        VOLUME,
        DATABASE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "array_kind", nullable = false)
    public ArrayKind arrayKind;

    /** The array's hardware id in asset-service. */
    @Column(name = "array_hardware_id", nullable = false)
    public String arrayHardwareId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Environment environment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** The namespace, VM, volume/LUN or database name. */
    @Column(nullable = false)
    public String name;

    /**
     * For NAMESPACE: a label selector of the PVCs to snapshot ("app=ocr,tier=db"); empty means all.
     */
    @Column(name = "pvc_selector")
    public String pvcSelector;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version public long version;
}
