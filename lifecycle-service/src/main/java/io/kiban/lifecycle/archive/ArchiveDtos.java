package io.kiban.lifecycle.archive;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** The archive's API records (R-RM-4). */
public final class ArchiveDtos {

    private ArchiveDtos() {}

    /** {@code receivedAt} etc.: JPO's receipt (R-RM-4), null until recorded. */
    public record ArchiveView(
            Long id,
            Instant createdAt,
            String createdBy,
            String fileName,
            String sha256,
            long size,
            int entries,
            boolean received,
            String receivedSha256,
            String receivedBy,
            Instant receivedAt) {
        static ArchiveView of(Archive a) {
            return new ArchiveView(
                    a.id,
                    a.createdAt,
                    a.createdBy,
                    a.fileName,
                    a.sha256,
                    a.size,
                    a.entries,
                    a.receivedAt != null,
                    a.receivedSha256,
                    a.receivedBy,
                    a.receivedAt);
        }
    }

    public record ReceiptInput(
            @NotBlank
                    @Pattern(
                            regexp = "[0-9a-fA-F]{64}",
                            message = "a SHA-256 in hex (64 characters)")
                    String sha256) {}
}
