package io.kiban.backup.drill;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** R-BK-4: a restore that was tried — which target, from which run, who, when, how long, result. */
@Entity
@Table(name = "restore_drill")
public class RestoreDrill {

    public enum Result {
        SUCCEEDED,
        PARTIALLY_SUCCEEDED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "target_id", nullable = false)
    public Long targetId;

    @Column(name = "run_id", nullable = false)
    public Long runId;

    @Column(name = "performed_by", nullable = false)
    public String performedBy;

    @Column(name = "performed_by_org")
    public String performedByOrg;

    @Column(name = "performed_at", nullable = false)
    public Instant performedAt;

    @Column(name = "duration_seconds", nullable = false)
    public long durationSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Result result;

    @Column(columnDefinition = "TEXT")
    public String notes;

    public String evidence;

    @Column(name = "evidence_sha256")
    public String evidenceSha256;

    @Column(name = "evidence_file_name")
    public String evidenceFileName;

    @Column(name = "evidence_content_type")
    public String evidenceContentType;

    @Column(name = "evidence_size")
    public Long evidenceSize;

    @Column(name = "evidence_uploaded_by")
    public String evidenceUploadedBy;

    @Column(name = "evidence_uploaded_at")
    public Instant evidenceUploadedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
