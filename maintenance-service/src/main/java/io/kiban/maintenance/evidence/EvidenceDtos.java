package io.kiban.maintenance.evidence;

import io.kiban.maintenance.support.MediumKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public final class EvidenceDtos {

    private EvidenceDtos() {}

    /**
     * The fields of a NIST SP 800-88 Appendix G certificate. Media type, make, model come from the
     * tracked medium; {@code serial}, when sent, must be the medium's.
     */
    public record EvidenceInput(
            @Size(max = 128) String serial,
            @NotNull Method method,
            @NotNull Technique technique,
            @Size(max = 255) String tool,
            @Size(max = 128) String toolVersion,
            @NotBlank @Size(max = 2000) String verification,
            @NotNull LocalDate performedOn,
            @NotBlank @Size(max = 255) String place,
            @NotBlank @Size(max = 255) String performedBy,
            @NotBlank @Size(max = 255) String destination,
            @NotNull Issuer issuer,
            Long contractorId) {}

    public record DecisionInput(@Size(max = 2000) String reason) {}

    public record FileView(
            Long id,
            Long evidenceId,
            String sha256,
            long sizeBytes,
            String contentType,
            String originalName,
            String uploadedBy,
            Instant uploadedAt) {
        public static FileView of(EvidenceFile f) {
            return new FileView(
                    f.id,
                    f.evidenceId,
                    f.sha256,
                    f.sizeBytes,
                    f.contentType,
                    f.originalName,
                    f.uploadedBy,
                    f.uploadedAt);
        }
    }

    public record EvidenceView(
            Long id,
            Long custodyItemId,
            String organisation,
            MediumKind mediaType,
            String make,
            String model,
            String serial,
            Method method,
            Technique technique,
            String tool,
            String toolVersion,
            String verification,
            LocalDate performedOn,
            String place,
            String performedBy,
            String destination,
            Issuer issuer,
            Long contractorId,
            Evidence.Status status,
            String submittedBy,
            Instant submittedAt,
            String decidedBy,
            Instant decidedAt,
            String decisionReason,
            List<FileView> files,
            long version) {

        public static EvidenceView of(Evidence e, List<EvidenceFile> files) {
            return new EvidenceView(
                    e.id,
                    e.itemId,
                    e.organisation,
                    e.mediaType,
                    e.make,
                    e.model,
                    e.serial,
                    e.method,
                    e.technique,
                    e.tool,
                    e.toolVersion,
                    e.verification,
                    e.performedOn,
                    e.place,
                    e.performedBy,
                    e.destination,
                    e.issuer,
                    e.contractorId,
                    e.status,
                    e.submittedBy,
                    e.submittedAt,
                    e.decidedBy,
                    e.decidedAt,
                    e.decisionReason,
                    files.stream().map(FileView::of).toList(),
                    e.version);
        }
    }
}
