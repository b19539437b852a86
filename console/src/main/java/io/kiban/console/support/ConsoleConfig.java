package io.kiban.console.support;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

/** The console's settings ({@code kiban.console.*} in application.properties). */
@ConfigMapping(prefix = "kiban.console")
public interface ConsoleConfig {

    /** Base URL of each service by key: asset, maintenance, backup, lifecycle. */
    Map<String, String> services();

    Duration connectTimeout();

    /**
     * How long one section of a page waits for its service before it says the service did not
     * answer.
     */
    Duration sectionTimeout();

    Duration downloadTimeout();

    /** HMAC key of the forms' CSRF tokens. */
    String csrfKey();
}
