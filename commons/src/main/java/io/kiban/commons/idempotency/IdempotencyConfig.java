package io.kiban.commons.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "kiban.idempotency")
public interface IdempotencyConfig {

    /** How long a key is kept after its first use. */
    @WithDefault("24h")
    Duration ttl();

    /** How long a request may hold its key before a retry may take it over (the request died). */
    @WithDefault("60s")
    Duration lease();
}
