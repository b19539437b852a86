package io.kiban.maintenance.ticket;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * R-MT-1: response and restoration targets per severity
 * (kiban.maintenance.targets.s1.response=PT30M …).
 */
@ConfigMapping(prefix = "kiban.maintenance.targets")
public interface TargetsConfig {

    interface Target {
        Duration response();

        Duration restoration();
    }

    Target s1();

    Target s2();

    Target s3();

    Target s4();

    default Target of(Severity severity) {
        return switch (severity) {
            case S1 -> s1();
            case S2 -> s2();
            case S3 -> s3();
            case S4 -> s4();
        };
    }
}
