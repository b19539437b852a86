package io.kiban.backup.drill;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public final class DrillDtos {

    private DrillDtos() {}

    public record DrillInput(
            @NotNull Long targetId,
            @NotNull Long runId,
            Instant performedAt,
            @NotNull @PositiveOrZero @Max(31_536_000) Long durationSeconds,
            @NotNull RestoreDrill.Result result,
            @Size(max = 10_000) String notes,
            @Size(max = 500) String evidence) {}

    public record DrillView(
            Long id,
            Long targetId,
            Long runId,
            String performedBy,
            String performedByOrg,
            Instant performedAt,
            long durationSeconds,
            RestoreDrill.Result result,
            String notes,
            String evidence,
            EvidenceFile evidenceFile,
            Instant recordedAt) {

        static DrillView of(RestoreDrill d) {
            EvidenceFile file =
                    d.evidenceSha256 == null
                            ? null
                            : new EvidenceFile(
                                    d.evidenceFileName,
                                    d.evidenceSha256,
                                    d.evidenceSize,
                                    d.evidenceContentType,
                                    d.evidenceUploadedBy,
                                    d.evidenceUploadedAt);
            return new DrillView(
                    d.id,
                    d.targetId,
                    d.runId,
                    d.performedBy,
                    d.performedByOrg,
                    d.performedAt,
                    d.durationSeconds,
                    d.result,
                    d.notes,
                    d.evidence,
                    file,
                    d.recordedAt);
        }
    }

    /**
     * The drill's evidence file (a restore log, screenshots as PDF or images): one per drill, never
     * replaced.
     */
    public record EvidenceFile(
            String fileName,
            String sha256,
            long size,
            String contentType,
            String uploadedBy,
            Instant uploadedAt) {}

    /** Per target: the last successful drill and its age. */
    public record DrillReportLine(
            Long targetId,
            String targetName,
            long drills,
            Instant lastDrillAt,
            RestoreDrill.Result lastResult,
            Long lastSuccessfulDrillId,
            Instant lastSuccessAt,
            Long lastSuccessAgeDays) {}
}
