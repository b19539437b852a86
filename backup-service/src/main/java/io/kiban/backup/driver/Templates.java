package io.kiban.backup.driver;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${name}} placeholders in driver settings; an unknown name is left as written. */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9_.]+)}");

    private Templates() {}

    public static Map<String, String> variables(BackupDriver.Request request) {
        return Map.of(
                "run.id", String.valueOf(request.runId()),
                "policy.id", String.valueOf(request.policyId()),
                "target.id", String.valueOf(request.target().id()),
                "target.name", request.target().name(),
                "target.kind", request.target().kind().name(),
                "target.array", request.target().array().name(),
                "target.arrayHardwareId", request.target().arrayHardwareId(),
                "target.environment", request.target().environment(),
                "level", request.level().name());
    }

    public static String render(String template, Map<String, String> variables) {
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "…[truncated " + (text.length() - max) + " chars]";
    }
}
