package io.kiban.maintenance.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where evidence files live (a ReadWriteMany volume in Kubernetes) and how large one may be. */
@ConfigMapping(prefix = "kiban.evidence")
public interface EvidenceConfig {

    String dir();

    @WithDefault("20M")
    MemorySize maxFileSize();
}
