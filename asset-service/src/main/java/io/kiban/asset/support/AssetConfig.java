package io.kiban.asset.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the ledger. The contract facts (lease end, contract end, contracted vendor) are not
 * configured here: they are lifecycle-service's contract, read through {@link Lifecycle} (issue 14
 * item 9).
 */
@ConfigMapping(prefix = "kiban.asset")
public interface AssetConfig {

    /** R-AS-4: support ending within this many days is flagged ahead of time. */
    @WithDefault("180")
    int supportWarningDays();

    LifecycleSettings lifecycle();

    interface LifecycleSettings {

        /**
         * How long an environment's phase read from lifecycle-service is trusted (R-RM-1/R-RM-3
         * gate).
         */
        @WithDefault("10s")
        Duration phaseTtl();

        /** How long the contract read from lifecycle-service is used before it is read again. */
        @WithDefault("60s")
        Duration contractTtl();
    }
}
