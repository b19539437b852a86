package io.kiban.commons.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A decided row whose state does not match the audit entry that should seal it (#15 item 7). */
@RegisterForReflection
public record SealViolation(
        String entityType, String entityId, String action, Long auditSeq, String reason) {}
