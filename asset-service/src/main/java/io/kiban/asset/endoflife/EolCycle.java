package io.kiban.asset.endoflife;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * One release cycle of an endoflife.date product, as imported (eol/support: a date, or ended/not
 * announced).
 */
@Entity
@Table(name = "eol_cycle")
public class EolCycle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String product;

    @Column(name = "cycle", nullable = false)
    public String cycle;

    @Column(name = "release_date")
    public LocalDate releaseDate;

    @Column(name = "eol_date")
    public LocalDate eolDate;

    @Column(name = "eol_ended", nullable = false)
    public boolean eolEnded;

    @Column(name = "support_date")
    public LocalDate supportDate;

    @Column(name = "support_ended", nullable = false)
    public boolean supportEnded;

    public String latest;

    public String source;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;
}
