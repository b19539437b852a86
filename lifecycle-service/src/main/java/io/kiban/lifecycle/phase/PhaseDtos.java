package io.kiban.lifecycle.phase;

import io.kiban.lifecycle.support.Environment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

public final class PhaseDtos {

    private PhaseDtos() {}

    /**
     * A phase change. R-RM-2: a fallback needs {@code reason}; {@code costNote} only when {@code
     * newCost} is true (the fallback gives rise to new cost, to agree separately).
     */
    public record TransitionInput(
            @NotNull Phase to,
            @Size(max = 2000) String reason,
            @Size(max = 2000) String costNote,
            Boolean newCost) {

        public TransitionInput(Phase to, String reason, String costNote) {
            this(to, reason, costNote, null);
        }
    }

    public record PhaseView(
            Environment environment,
            Phase phase,
            Instant enteredAt,
            Instant removingEnteredAt,
            String lateRemovalReason,
            List<Phase> allowedTransitions,
            long version) {

        static PhaseView of(EnvironmentPhase p) {
            return new PhaseView(
                    p.environment,
                    p.phase,
                    p.enteredAt,
                    p.removingEnteredAt,
                    p.lateRemovalReason,
                    p.phase.next().stream().sorted().toList(),
                    p.version);
        }
    }

    public record TransitionView(
            Long id,
            Environment environment,
            Phase from,
            Phase to,
            Instant at,
            String actor,
            String reason,
            String costNote) {}

    public record NoteInput(@NotBlank @Size(max = 2000) String note) {}

    public record ReasonInput(@NotBlank @Size(max = 2000) String reason) {}

    /**
     * One restoration item; {@code evidence}: its photos and PDF files, at least one before it is
     * signed off.
     */
    public record ChecklistItemView(
            String item,
            String label,
            String vendorNote,
            boolean signed,
            String signedBy,
            Instant signedAt,
            List<EvidenceFileView> evidence,
            long version) {}

    /**
     * An evidence file of a restoration item, downloadable at {@code
     * …/checklist/{item}/evidence/{sha256}}.
     */
    public record EvidenceFileView(
            String sha256,
            String fileName,
            String contentType,
            long size,
            String uploadedBy,
            Instant uploadedAt) {}
}
