package io.kiban.commons.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The retry and the circuit breaker of every {@link ServiceCall}. */
@ConfigMapping(prefix = "kiban.service-calls")
public interface ServiceCallConfig {

    /**
     * The pause before the one retry of a GET that could not connect or was answered 502/503/504.
     */
    @WithDefault("200ms")
    Duration retryDelay();

    Breaker breaker();

    interface Breaker {

        /**
         * Calls in a row that failed (no connection, a timeout, a 5xx) before the breaker opens.
         */
        @WithDefault("5")
        int failures();

        /** How long an open breaker fails calls at once before it lets one trial call through. */
        @WithDefault("10s")
        Duration openFor();
    }
}
