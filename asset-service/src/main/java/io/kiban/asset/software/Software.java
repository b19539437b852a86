package io.kiban.asset.software;

import io.kiban.asset.support.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/** Sheet 2 (ソフトウェア): one installed piece of software, where it runs, and its support deadline. */
@Entity
@Audited
@Table(name = "software")
public class Software {

    /**
     * From a sequence (not IDENTITY) so that an SBOM import of thousands of rows is written in JDBC
     * batches.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "software_seq")
    @SequenceGenerator(name = "software_seq", sequenceName = "software_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String name;

    public String edition;

    @Column(name = "product_version")
    public String productVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "software_class", nullable = false)
    public SoftwareClass softwareClass;

    @Column(name = "contract_form")
    public String contractForm;

    @Column(name = "license_form")
    public String licenseForm;

    /** サポート期限: end of security fixes (endoflife.date {@code eol}). */
    @Column(name = "support_deadline")
    public LocalDate supportDeadline;

    /** Support already ended though no date is known (endoflife.date {@code eol: true}). */
    @Column(name = "support_ended", nullable = false)
    public boolean supportEnded;

    /** End of active support (endoflife.date {@code support}), kept beside the deadline. */
    @Column(name = "active_support_until")
    public LocalDate activeSupportUntil;

    /** Where the deadline came from (a file name, or "manual") and as of when. */
    @Column(name = "support_source")
    public String supportSource;

    @Column(name = "support_as_of")
    public LocalDate supportAsOf;

    /**
     * Issue 18: a hand-entered deadline that contradicts the stored endoflife.date cycle (kept,
     * flagged here).
     */
    @Column(name = "support_conflict")
    public String supportConflict;

    @Enumerated(EnumType.STRING)
    @Column(name = "installed_on", nullable = false)
    public InstalledOn installedOn;

    @Column(name = "hardware_id")
    public Long hardwareId;

    /** The cluster, VM or host name when not installed directly on a hardware item. */
    public String host;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Environment environment;

    public String purl;

    /**
     * The OSV ecosystem whose version order applies (issue 18), derived from the purl type on every
     * write ({@link Purls#ecosystem}); null without a purl or for types without one (generic, oci).
     */
    public String ecosystem;

    /** The purl in canonical form when it is a valid package URL, and the ecosystem it implies. */
    @jakarta.persistence.PrePersist
    @jakarta.persistence.PreUpdate
    void derivePackageFacts() {
        purl = Purls.canonical(purl).orElse(purl);
        ecosystem = Purls.ecosystem(purl);
    }

    public String cpe;

    public String licenses;

    /** The SBOM subject (host or image) this entry was imported from; null when entered by hand. */
    @Column(name = "sbom_subject")
    public String sbomSubject;

    @Version public long version;
}
