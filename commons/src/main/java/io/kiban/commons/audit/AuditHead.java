package io.kiban.commons.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The chain head: sequence and MAC of the newest entry. Locked by every append. */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    public static final byte ID = 1;
    public static final String GENESIS_MAC = "0".repeat(64);

    @Id public byte id;

    /**
     * Set once by the migration; never written by the service (its database user may not, #15 item
     * 7).
     */
    @Column(name = "chain_id", nullable = false, updatable = false, columnDefinition = "CHAR(36)")
    public String chainId;

    @Column(nullable = false)
    public long seq;

    @Column(nullable = false, columnDefinition = "CHAR(64)")
    public String mac;
}
