package io.kiban.commons.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * The answer of {@code GET /audit/verify}. When {@code valid} is false, {@code firstBadSeq} names the
 * first entry that does not match and {@code reason} says how.
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
        Instant verifiedAt) {
}
