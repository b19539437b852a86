package io.kiban.commons.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Japanese texts of problems, from message bundles (UTF-8 properties): commons' own {@code
 * io/kiban/commons/problem/messages_ja.properties} (titles of every {@link ProblemType}, details of
 * the generic problems, one sentence per rule id of DOMAIN.md) and any {@code
 * kiban-problems_ja.properties} a service puts at the root of its classpath (its own detail keys;
 * its entries win on a clash).
 *
 * <p>{@link #localize} turns the English problem into the Japanese one: the title by type; the
 * detail from the {@link ProblemMessage} key when there is one; else, when the problem names a rule
 * id (its {@code rule} member, or an {@code R-…} id inside the English detail), {@code "<rule id>:
 * <Japanese rule sentence>（<English detail>）"}; else the English detail unchanged. Every other
 * member (type, status, instance, rule, errors, conflicts) is left as it was.
 */
public final class ProblemMessages {

    public static final String COMMONS_BUNDLE = "io/kiban/commons/problem/messages_ja.properties";
    public static final String SERVICE_BUNDLE = "kiban-problems_ja.properties";

    /** A requirement id as DOMAIN.md writes them: R-AS-1, R-LC-14, R-SEC-2, … */
    public static final Pattern RULE_ID =
            Pattern.compile("\\bR-[A-Z]+(?:-[A-Z]+)*-[0-9]+[a-z]?\\b");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(noun:)?([0-9]+)}");
    private static final Map<ClassLoader, Properties> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private ProblemMessages() {}

    /** The Japanese entries, commons' first and the services' over them. */
    public static Properties japanese() {
        ClassLoader loader = loader();
        return CACHE.computeIfAbsent(loader, ProblemMessages::load);
    }

    /** The Japanese title of a problem type (always present: a test checks every type). */
    public static Optional<String> title(ProblemType type) {
        return Optional.ofNullable(japanese().getProperty("title." + type.name()));
    }

    /** The Japanese sentence of a rule id, if the bundles have one. */
    public static Optional<String> rule(String ruleId) {
        return ruleId == null
                ? Optional.empty()
                : Optional.ofNullable(japanese().getProperty(ruleId));
    }

    /**
     * The Japanese text of a message, its placeholders filled; empty when no bundle has the key.
     */
    public static Optional<String> text(ProblemMessage message) {
        if (message == null || message.key() == null) {
            return Optional.empty();
        }
        String template = japanese().getProperty(message.key());
        if (template == null) {
            return Optional.empty();
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(2));
            String value = index < message.args().size() ? message.args().get(index) : m.group();
            if (m.group(1) != null) {
                value = noun(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }

    /**
     * The Japanese word for what a not-found names ({@code hardware} → ハードウェア); the English one
     * when none.
     */
    public static String noun(String english) {
        return english == null ? "" : japanese().getProperty("noun." + english, english);
    }

    /**
     * The first rule id a problem names: its {@code rule} member, else the first {@code R-…} in its
     * detail.
     */
    public static Optional<String> ruleOf(Problem problem) {
        if (problem.rule() != null && !problem.rule().isBlank()) {
            return Optional.of(problem.rule());
        }
        if (problem.detail() == null) {
            return Optional.empty();
        }
        Matcher m = RULE_ID.matcher(problem.detail());
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** The problem in the given language (only Japanese differs from the English original). */
    public static Problem localize(Problem problem, ProblemMessage message, Locale language) {
        if (problem == null
                || !ProblemLanguage.JAPANESE.getLanguage().equals(language.getLanguage())) {
            return problem;
        }
        String title = type(problem.type()).flatMap(ProblemMessages::title).orElse(problem.title());
        return new Problem(
                problem.type(),
                title,
                problem.status(),
                detail(problem, message),
                problem.instance(),
                problem.rule(),
                problem.errors(),
                problem.conflicts());
    }

    private static String detail(Problem problem, ProblemMessage message) {
        Optional<String> rule = ruleOf(problem);
        Optional<String> keyed = text(message);
        if (keyed.isPresent()) {
            String text = keyed.get();
            return rule.isPresent() && !text.contains(rule.get()) ? rule.get() + ": " + text : text;
        }
        if (rule.isPresent()) {
            Optional<String> sentence = rule(rule.get());
            if (sentence.isPresent()) {
                String english = problem.detail();
                return rule.get()
                        + ": "
                        + sentence.get()
                        + (english == null || english.isBlank() ? "" : "（" + english + "）");
            }
        }
        return problem.detail();
    }

    static Optional<ProblemType> type(String uri) {
        for (ProblemType type : ProblemType.values()) {
            if (type.uri().equals(uri)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static ClassLoader loader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : ProblemMessages.class.getClassLoader();
    }

    private static Properties load(ClassLoader loader) {
        Properties merged = new Properties();
        try {
            read(merged, List.of(resource(loader, COMMONS_BUNDLE)));
            read(merged, resources(loader, SERVICE_BUNDLE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Japanese problem bundles", e);
        }
        return merged;
    }

    private static URL resource(ClassLoader loader, String name) {
        URL url = loader.getResource(name);
        return url != null ? url : ProblemMessages.class.getClassLoader().getResource(name);
    }

    private static List<URL> resources(ClassLoader loader, String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        Enumeration<URL> found = loader.getResources(name);
        while (found.hasMoreElements()) {
            urls.add(found.nextElement());
        }
        return urls;
    }

    private static void read(Properties into, List<URL> urls) throws IOException {
        for (URL url : urls) {
            if (url == null) {
                continue;
            }
            try (InputStream in = url.openStream();
                    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Properties p = new Properties();
                p.load(reader);
                into.putAll(p);
            }
        }
    }
}
