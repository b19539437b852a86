package io.kiban.lifecycle.phase;

import io.kiban.lifecycle.deliverable.AttachedFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An evidence file (photo or PDF) of one restoration checklist item (原状復帰, R-RM-1); kept, never
 * rewritten (attached by {@link io.kiban.lifecycle.deliverable.AttachedFiles}).
 */
@Entity
@Table(name = "restoration_evidence")
public class RestorationEvidence extends AttachedFile {

    @Column(name = "restoration_item_id", nullable = false)
    public Long itemId;
}
