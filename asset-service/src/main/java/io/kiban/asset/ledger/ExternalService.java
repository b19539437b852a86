package io.kiban.asset.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/** Sheet 4 (外部サービス): an external service used, its form and period of use. */
@Entity
@Audited
@Table(name = "external_service")
public class ExternalService {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "usage_form")
    public String usageForm;

    @Column(name = "used_from")
    public LocalDate usedFrom;

    @Column(name = "used_until")
    public LocalDate usedUntil;

    @Version public long version;
}
