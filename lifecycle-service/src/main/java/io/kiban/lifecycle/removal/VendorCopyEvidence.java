package io.kiban.lifecycle.removal;

import io.kiban.lifecycle.deliverable.AttachedFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An evidence file (photo or PDF) of how a vendor copy was returned, destroyed or erased; kept,
 * never rewritten (attached by {@link io.kiban.lifecycle.deliverable.AttachedFiles}).
 */
@Entity
@Table(name = "vendor_copy_evidence")
public class VendorCopyEvidence extends AttachedFile {

    @Column(name = "vendor_copy_id", nullable = false)
    public Long copyId;
}
