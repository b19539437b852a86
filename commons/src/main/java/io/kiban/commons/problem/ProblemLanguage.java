package io.kiban.commons.problem;

import java.util.Locale;

/**
 * The language a problem is written in: Japanese when the request's {@code Accept-Language} prefers
 * it to English, English otherwise. Quality values are honoured (RFC 9110 §12.5.4): {@code
 * en;q=0.9, ja} → Japanese; {@code ja-JP} → Japanese; {@code ja;q=0} → English; {@code fr} →
 * English (the default). A range matches a supported language when its primary subtag is that
 * language; {@code *} matches both; on equal quality the range listed first wins, and English wins
 * a tie of {@code *}.
 */
public final class ProblemLanguage {

    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private ProblemLanguage() {}

    /**
     * The preferred supported language for an {@code Accept-Language} value (null or blank →
     * English).
     */
    public static Locale preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        Preference ja = new Preference();
        Preference en = new Preference();
        String[] ranges = acceptLanguage.split(",");
        for (int position = 0; position < ranges.length; position++) {
            String[] parts = ranges[position].split(";");
            String range = parts[0].strip().toLowerCase(Locale.ROOT);
            if (range.isEmpty()) {
                continue;
            }
            double q = 1.0;
            boolean malformed = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                    q = quality(parameter.substring(2).strip());
                    malformed = q < 0;
                }
            }
            if (malformed) {
                continue;
            }
            String primary = range.split("-", 2)[0];
            if (range.equals("*")) {
                ja.wildcard(q, position);
                en.wildcard(q, position);
            } else if (primary.equals("ja")) {
                ja.explicit(q, position);
            } else if (primary.equals("en")) {
                en.explicit(q, position);
            }
        }
        double qJa = ja.q();
        double qEn = en.q();
        if (qJa <= 0) {
            return ENGLISH;
        }
        if (qJa > qEn) {
            return JAPANESE;
        }
        if (qJa == qEn && ja.position() < en.position()) {
            return JAPANESE;
        }
        return ENGLISH;
    }

    /** The language of the request being served (English outside a request). */
    public static Locale ofCurrentRequest() {
        try {
            org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext request =
                    org.jboss.resteasy.reactive.server.core.CurrentRequestManager.get();
            if (request == null) {
                return ENGLISH;
            }
            return preferred(request.getHttpHeaders().getHeaderString("Accept-Language"));
        } catch (RuntimeException | LinkageError e) {
            return ENGLISH;
        }
    }

    /**
     * {@code 0.8} → 0.8; anything that is not a qvalue (RFC 9110: 0 to 1, three decimals at most) →
     * -1.
     */
    private static double quality(String value) {
        if (!value.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
            return -1;
        }
        return Double.parseDouble(value);
    }

    /** An explicit range for a language overrides {@code *}, whatever their order. */
    private static final class Preference {
        private double explicitQ = -1;
        private int explicitPosition = Integer.MAX_VALUE;
        private double wildcardQ = -1;
        private int wildcardPosition = Integer.MAX_VALUE;

        void explicit(double q, int position) {
            if (q > explicitQ) {
                explicitQ = q;
                explicitPosition = position;
            }
        }

        void wildcard(double q, int position) {
            if (q > wildcardQ) {
                wildcardQ = q;
                wildcardPosition = position;
            }
        }

        double q() {
            return explicitQ >= 0 ? explicitQ : Math.max(wildcardQ, 0);
        }

        int position() {
            return explicitQ >= 0 ? explicitPosition : wildcardPosition;
        }
    }
}
