package io.kiban.lifecycle.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of lifecycle-service. */
public final class LifecycleConfig {

    private LifecycleConfig() {}

    @ConfigMapping(prefix = "kiban.documents")
    public interface Documents {
        /** Where deliverable files and archives are stored (addressed by SHA-256, written once). */
        String dir();
    }

    @ConfigMapping(prefix = "kiban.keycloak")
    public interface Keycloak {
        /** The realm whose users receive the realm role {@code approved-handler} (R-SEC-1). */
        @WithDefault("kiban")
        String realm();

        @WithDefault("approved-handler")
        String approvedHandlerRole();
    }
}
