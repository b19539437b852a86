package io.kiban.commons.problem;

import java.io.IOException;

/**
 * The read of a chunked body passed the endpoint's limit. An IOException, so that JSON readers pass
 * it on unchanged; {@link ProblemMappers} answers 413 for it, also when a reader wrapped it.
 */
public final class BodyTooLargeException extends IOException {
    private final long limit;

    public BodyTooLargeException(String message) {
        this(message, -1);
    }

    /**
     * @param limit the endpoint's limit in bytes, for the Japanese detail (-1: unknown)
     */
    public BodyTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
