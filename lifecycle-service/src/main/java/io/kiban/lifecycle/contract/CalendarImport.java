package io.kiban.lifecycle.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One import of the Cabinet Office holiday list (issue #18), or the V3 migration's initial state.
 */
@Entity
@Table(name = "calendar_import")
public class CalendarImport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** SHA-256 of the file as uploaded (null for the V3 initial state). */
    public String sha256;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Column(name = "first_date", nullable = false)
    public LocalDate firstDate;

    @Column(name = "last_date", nullable = false)
    public LocalDate lastDate;

    /** The last year whose national holidays this import holds officially. */
    @Column(name = "official_through", nullable = false)
    public int officialThrough;

    @Column(name = "rows_in_file", nullable = false)
    public int rowsInFile;

    @Column(name = "rows_stored", nullable = false)
    public int rowsStored;

    @Column(nullable = false)
    public String source;

    @Column(name = "imported_by", nullable = false)
    public String importedBy;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;
}
