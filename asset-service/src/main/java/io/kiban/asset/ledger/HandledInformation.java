package io.kiban.asset.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

/** Sheet 7 (取扱情報): a data set or master, personal data yes/no, and its classification (格付). */
@Entity
@Audited
@Table(name = "handled_information")
public class HandledInformation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "personal_data", nullable = false)
    public boolean personalData;

    /** 機密性 3/2/1 */
    @Column(nullable = false)
    public int confidentiality;

    /** 完全性 2/1 */
    @Column(nullable = false)
    public int integrity;

    /** 可用性 2/1 */
    @Column(nullable = false)
    public int availability;

    @Version public long version;
}
