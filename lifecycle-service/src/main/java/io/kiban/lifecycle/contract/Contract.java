package io.kiban.lifecycle.contract;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The lease contract as data (DOMAIN.md §2): one row, amended by jpo-admin. */
@Entity
@Table(name = "contract")
public class Contract {

    public static final byte ID = 1;

    @Id public Byte id;

    @Column(name = "signing_date", nullable = false)
    public LocalDate signingDate;

    @Column(name = "delivery_deadline", nullable = false)
    public LocalDate deliveryDeadline;

    @Column(name = "extension_limit", nullable = false)
    public LocalDate extensionLimit;

    @Column(name = "production_start", nullable = false)
    public LocalDate productionStart;

    @Column(name = "lease_start", nullable = false)
    public LocalDate leaseStart;

    @Column(name = "lease_end", nullable = false)
    public LocalDate leaseEnd;

    @Column(name = "removal_deadline", nullable = false)
    public LocalDate removalDeadline;

    @Column(name = "contract_end", nullable = false)
    public LocalDate contractEnd;

    @Column(name = "vendor_organisation", nullable = false)
    public String vendorOrganisation;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "contract_id", nullable = false)
    @OrderBy("id")
    public List<ContractAmount> amounts = new ArrayList<>();

    @Version public long version;
}
