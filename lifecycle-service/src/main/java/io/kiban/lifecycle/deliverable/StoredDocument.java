package io.kiban.lifecycle.deliverable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file in the document store, addressed by its SHA-256. */
@Entity
@Table(name = "document")
public class StoredDocument {

    @Id public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long size;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;
}
