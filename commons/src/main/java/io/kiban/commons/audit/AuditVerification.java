package io.kiban.commons.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * The answer of {@code GET /audit/verify}. When {@code valid} is false, {@code firstBadSeq} names
 * the first entry that does not match and {@code reason} says how. {@code sealViolations} lists
 * every decided row (see {@link SealedState}) whose state is not the one its audit entry sealed;
 * any makes {@code valid} false.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(
        boolean valid,
        String chain,
        long entriesChecked,
        long lastSeq,
        Long firstBadSeq,
        String reason,
        AuditCheckpoint checkpoint,
        Instant verifiedAt,
        java.util.List<SealViolation> sealViolations) {

    public AuditVerification(
            boolean valid,
            String chain,
            long entriesChecked,
            long lastSeq,
            Long firstBadSeq,
            String reason,
            AuditCheckpoint checkpoint,
            Instant verifiedAt) {
        this(
                valid,
                chain,
                entriesChecked,
                lastSeq,
                firstBadSeq,
                reason,
                checkpoint,
                verifiedAt,
                java.util.List.of());
    }
}
