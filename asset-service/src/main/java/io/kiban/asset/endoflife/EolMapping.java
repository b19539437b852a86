package io.kiban.asset.endoflife;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

/**
 * Which installed software belongs to an endoflife.date product, and how its version gives the
 * cycle.
 */
@Entity
@Audited
@Table(name = "eol_mapping")
public class EolMapping {

    public enum MatchKind {
        PURL_PREFIX,
        CPE_PREFIX,
        NAME
    }

    public enum CycleFormat {
        MAJOR,
        MAJOR_MINOR
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String product;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_kind", nullable = false)
    public MatchKind matchKind;

    @Column(nullable = false)
    public String pattern;

    @Enumerated(EnumType.STRING)
    @Column(name = "cycle_format", nullable = false)
    public CycleFormat cycleFormat;

    @Version public long version;
}
