package io.kiban.lifecycle.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Monthly lease and maintenance amounts (JPY) of one expense category (経費区分). */
@Entity
@Table(name = "contract_amount")
public class ContractAmount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Column(name = "category_name", nullable = false)
    public String categoryName;

    @Column(name = "lease_monthly", nullable = false)
    public long leaseMonthly;

    @Column(name = "maintenance_monthly", nullable = false)
    public long maintenanceMonthly;
}
