package io.kiban.lifecycle.deliverable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Every file ever submitted for a deliverable; files are kept, never rewritten. */
@Entity
@Table(name = "deliverable_submission")
class DeliverableSubmission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "deliverable_id", nullable = false)
    public Long deliverableId;

    @Column(name = "file_sha256", nullable = false)
    public String fileSha256;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;
}
