package io.kiban.commons.problem;

import jakarta.validation.ConstraintViolation;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Japanese text of a bean-validation violation, for the Japanese detail: a standard message
 * template ({@code {jakarta.validation.constraints.NotNull.message}}) is read from Hibernate
 * Validator's Japanese bundle and its {@code {attribute}}s filled from the constraint; a custom
 * message, or a template using an expression, stays as the validator wrote it (English).
 */
final class ValidationMessagesJa {

    private static final Pattern KEY = Pattern.compile("\\{([A-Za-z0-9_.]+)}");
    private static final String BUNDLE = "org.hibernate.validator.ValidationMessages";

    private ValidationMessagesJa() {}

    static String message(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        if (template == null) {
            return violation.getMessage();
        }
        Matcher whole = KEY.matcher(template.strip());
        if (!whole.matches()) {
            return violation.getMessage();
        }
        String text;
        try {
            ResourceBundle bundle =
                    ResourceBundle.getBundle(
                            BUNDLE,
                            Locale.JAPANESE,
                            org.hibernate.validator.HibernateValidator.class.getClassLoader(),
                            ResourceBundle.Control.getNoFallbackControl(
                                    ResourceBundle.Control.FORMAT_PROPERTIES));
            if (!Locale.JAPANESE.getLanguage().equals(bundle.getLocale().getLanguage())) {
                return violation.getMessage();
            }
            text = bundle.getString(whole.group(1));
        } catch (MissingResourceException e) {
            return violation.getMessage();
        }
        if (text.contains("${")) {
            return violation.getMessage();
        }
        Map<String, Object> attributes =
                violation.getConstraintDescriptor() == null
                        ? Map.of()
                        : violation.getConstraintDescriptor().getAttributes();
        Matcher m = KEY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = attributes.get(m.group(1));
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
