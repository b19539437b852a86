package io.kiban.commons.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.WeakHashMap;

/**
 * The Japanese words a spreadsheet shows for enum values ({@code PRODUCTION} → 本番環境, {@code
 * IN_SERVICE} → 稼働中), from UTF-8 properties: commons' {@code
 * io/kiban/commons/export/enum-labels_ja.properties} (values shared by the services) and every
 * {@code kiban-enum-labels_ja.properties} a service puts at the root of its classpath (its entries
 * win on a clash).
 *
 * <p>A key is the enum's class name without its package, nested classes joined by a dot, then the
 * value ({@code Deliverable.Status.APPROVED}); when there is none, the bare value ({@code
 * PRODUCTION}); when there is neither, the value itself is written, so a new value is never lost,
 * only untranslated (a test per service checks that every value of every exported enum has a
 * label).
 *
 * <p>{@link #parse} reads both back, so a sheet exported in Japanese and edited by hand imports
 * again.
 */
public final class EnumLabels {

    public static final String COMMONS_BUNDLE = "io/kiban/commons/export/enum-labels_ja.properties";
    public static final String SERVICE_BUNDLE = "kiban-enum-labels_ja.properties";
    private static final Map<ClassLoader, Properties> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private EnumLabels() {}

    /** The Japanese label of a value, or empty when no bundle has one. */
    public static Optional<String> japanese(Enum<?> value) {
        if (value == null) {
            return Optional.empty();
        }
        Properties labels = labels();
        String label = labels.getProperty(key(value));
        if (label == null) {
            label = labels.getProperty(value.name());
        }
        return Optional.ofNullable(label);
    }

    /** The text a Japanese spreadsheet writes: the label, else the value's name; "" for null. */
    public static String ja(Enum<?> value) {
        return value == null ? "" : japanese(value).orElse(value.name());
    }

    /**
     * The text for the given language: Japanese labels for {@code ja}, the value's name otherwise.
     */
    public static String label(Enum<?> value, Locale language) {
        if (value == null) {
            return "";
        }
        return language != null && "ja".equals(language.getLanguage()) ? ja(value) : value.name();
    }

    /**
     * The value a cell names: its constant name (any case, blanks around ignored) or its Japanese
     * label. Empty when the text names no value of the type.
     */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)
                    || japanese(constant).filter(wanted::equals).isPresent()) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The bundle key of a value: {@code Deliverable.Status.APPROVED}. */
    public static String key(Enum<?> value) {
        Class<?> type = value.getDeclaringClass();
        String name = type.getName();
        String pkg = type.getPackageName();
        String local = pkg.isEmpty() ? name : name.substring(pkg.length() + 1);
        return local.replace('$', '.') + "." + value.name();
    }

    private static Properties labels() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = tccl != null ? tccl : EnumLabels.class.getClassLoader();
        return CACHE.computeIfAbsent(loader, EnumLabels::load);
    }

    private static Properties load(ClassLoader loader) {
        Properties merged = new Properties();
        try {
            URL commons = loader.getResource(COMMONS_BUNDLE);
            read(
                    merged,
                    commons != null
                            ? commons
                            : EnumLabels.class.getClassLoader().getResource(COMMONS_BUNDLE));
            Enumeration<URL> services = loader.getResources(SERVICE_BUNDLE);
            while (services.hasMoreElements()) {
                read(merged, services.nextElement());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Japanese enum labels", e);
        }
        return merged;
    }

    private static void read(Properties into, URL url) throws IOException {
        if (url == null) {
            return;
        }
        try (InputStream in = url.openStream();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(reader);
            into.putAll(p);
        }
    }
}
