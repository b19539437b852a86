package io.kiban.commons.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

@ConfigMapping(prefix = "kiban.audit")
public interface AuditConfig {

    /**
     * The HMAC-SHA-256 key (at least 32 characters). In production it comes from a Kubernetes
     * Secret; it is never stored in the database.
     */
    String hmacKey();

    /** Directory for the chain-head checkpoint: a separate volume from the database's. */
    Path checkpointDir();

    /**
     * This replica's name in its checkpoint file (default: the pod's host name). Each replica
     * writes its own checkpoint file, so replicas sharing the checkpoint volume never overwrite
     * each other.
     */
    java.util.Optional<String> instanceId();

    /** Name of this chain (defaults to the application name). */
    @WithDefault("${quarkus.application.name}")
    String chainName();
}
