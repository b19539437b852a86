package io.kiban.commons.problem;

import java.util.Arrays;
import java.util.List;

/**
 * A detail written for translation: a key of the Japanese problem bundles and the values put in its
 * {@code {0}}, {@code {1}}, … placeholders (see {@link ProblemMessages}). The English detail
 * travels beside it, unchanged.
 */
public record ProblemMessage(String key, List<String> args) {

    public ProblemMessage {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static ProblemMessage of(String key, Object... args) {
        return new ProblemMessage(
                key, args == null ? List.of() : Arrays.stream(args).map(String::valueOf).toList());
    }
}
