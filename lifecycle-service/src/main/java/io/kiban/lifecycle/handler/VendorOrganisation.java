package io.kiban.lifecycle.handler;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * R-SEC-1 (security 4)): what is recorded once per vendor organisation: capital relations,
 * officers, place of work.
 */
@Entity
@Table(name = "vendor_organisation")
public class VendorOrganisation {

    @Id public String organisation;

    @Column(name = "capital_relations", nullable = false)
    public String capitalRelations;

    @Column(nullable = false)
    public String officers;

    @Column(name = "place_of_work", nullable = false)
    public String placeOfWork;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Version public long version;
}
