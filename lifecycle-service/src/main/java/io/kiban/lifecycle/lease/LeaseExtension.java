package io.kiban.lifecycle.lease;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Use after the lease on separately negotiated terms (R-LC-9, §10.3(7)). */
@Entity
@Table(name = "lease_extension")
public class LeaseExtension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** First day of the first extended month. */
    @Column(name = "first_month", nullable = false)
    public LocalDate firstMonth;

    /** First day of the last extended month. */
    @Column(name = "last_month", nullable = false)
    public LocalDate lastMonth;

    @Column(name = "agreed_on", nullable = false)
    public LocalDate agreedOn;

    @Column(nullable = false)
    public String reference;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "extension_id", nullable = false)
    public List<Amount> amounts = new ArrayList<>();

    @Entity
    @jakarta.persistence.Table(name = "lease_extension_amount")
    public static class Amount {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Long id;

        @Column(name = "category_code", nullable = false)
        public String categoryCode;

        @Column(name = "lease_monthly", nullable = false)
        public long leaseMonthly;

        @Column(name = "maintenance_monthly", nullable = false)
        public long maintenanceMonthly;
    }
}
