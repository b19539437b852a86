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

/** Sheet 6 (公開ドメイン). */
@Entity
@Audited
@Table(name = "public_domain")
public class PublicDomain {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "dns_name", nullable = false)
    public String dnsName;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Version public long version;
}
