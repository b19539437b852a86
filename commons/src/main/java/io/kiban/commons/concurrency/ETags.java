package io.kiban.commons.concurrency;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;

/**
 * Optimistic locking over HTTP: the entity's JPA {@code @Version} is its strong ETag; an update
 * must send it back in {@code If-Match} (428 without it, 412 when it is stale).
 */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version the client expects, from {@code If-Match}; 428 when missing, 412 when unreadable.
     */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.of(
                            ProblemType.PRECONDITION_REQUIRED,
                            "send If-Match with the ETag of the version you read")
                    .withMessage("detail.if-match-required");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.of(
                            ProblemType.PRECONDITION_FAILED,
                            "If-Match " + ifMatch + " matches no version")
                    .withMessage("detail.if-match-no-version", ifMatch);
        }
    }

    /** 412 unless the entity is still at the version the client read. */
    public static void check(String ifMatch, long currentVersion) {
        long expected = expectedVersion(ifMatch);
        if (expected != currentVersion) {
            throw ProblemException.of(
                            ProblemType.PRECONDITION_FAILED,
                            "If-Match "
                                    + of(expected)
                                    + " is stale; the current version is "
                                    + of(currentVersion))
                    .withMessage("detail.if-match-stale", of(expected), of(currentVersion));
        }
    }
}
