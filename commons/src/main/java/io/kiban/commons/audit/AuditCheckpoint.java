package io.kiban.commons.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** The chain head as last seen, kept outside the audit tables. */
@RegisterForReflection
public record AuditCheckpoint(String chain, String chainId, long seq, String mac, Instant at) {}
