package io.kiban.lifecycle.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who gets which mail and when (issue #17 "Notifications", docs/notifications.md). The schedules
 * themselves are read by the {@code @Scheduled} annotations: {@code
 * kiban.notifications.digest.cron} (JST) and {@code kiban.notifications.poll-every}.
 */
@ConfigMapping(prefix = "kiban.notifications")
public interface NotificationConfig {

    /** Off: nothing is composed, claimed or sent (the jobs return at once). */
    @WithDefault("true")
    boolean enabled();

    /**
     * The console's base URL as the recipients reach it (links in every mail), e.g.
     * https://console.prod.kiban.internal.
     */
    String consoleUrl();

    Recipients recipients();

    Digest digest();

    Immediate immediate();

    Retry retry();

    interface Recipients {
        /** The jpo-admin users' addresses: the morning digest and "submitted for approval". */
        Optional<List<String>> jpoAdmin();

        /**
         * Per vendor organisation (the token's {@code org}, e.g. {@code vendor-a}) its addresses:
         * SLA breaches and rejected evidence of that organisation only. An organisation without
         * addresses gets no mail (logged).
         */
        Map<String, List<String>> vendors();

        /**
         * The same in one line, for an environment variable ({@code KIBAN_NOTIFY_VENDORS}): {@code
         * vendor-a=ops@vendor-a.example,lead@vendor-a.example;vendor-b=ops@vendor-b.example}. Both
         * are merged.
         */
        Optional<String> vendorList();
    }

    /**
     * How often the "immediate" poll runs (read by {@code Immediate}'s {@code @Scheduled}; {@code
     * off} in tests).
     */
    @WithDefault("60s")
    String pollEvery();

    interface Digest {
        /**
         * Quartz cron in Asia/Tokyo (read by {@code Digest}'s {@code @Scheduled}); the business
         * calendar skips holidays.
         */
        @WithDefault("0 0 8 ? * MON-FRI")
        String cron();

        /**
         * Deadlines whose practical due date falls within this many business days from today are
         * listed.
         */
        @WithDefault("10")
        int horizonBusinessDays();
    }

    interface Immediate {
        /**
         * Events older than this (an SLA target passed, a submission made) are not mailed as
         * "immediate" any more — the first start of the service after a long stop does not flood
         * anyone; they still show in the digest.
         */
        @WithDefault("P7D")
        Duration lookback();
    }

    interface Retry {
        /** Sends that failed are tried again this often (after the failed attempt)… */
        @WithDefault("PT5M")
        Duration backoff();

        /** …this many attempts in all, then the row is ABANDONED (logged as an error). */
        @WithDefault("12")
        int maxAttempts();
    }
}
