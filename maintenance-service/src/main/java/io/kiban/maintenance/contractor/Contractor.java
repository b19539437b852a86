package io.kiban.maintenance.contractor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** An industrial-waste contractor whose certificates JPO approved (R-MT-4). */
@Entity
@Table(name = "contractor")
public class Contractor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String scope;

    @Column(name = "approved_on", nullable = false)
    public LocalDate approvedOn;

    @Column(name = "approved_by", nullable = false)
    public String approvedBy;

    @Column(name = "revoked_on")
    public LocalDate revokedOn;

    @Column(name = "revocation_reason")
    public String revocationReason;

    @Version
    public long version;

    /** R-MT-4: approved on or before {@code date} and not yet revoked on it. */
    public boolean approvedOn(LocalDate date) {
        return !approvedOn.isAfter(date) && (revokedOn == null || date.isBefore(revokedOn));
    }
}
