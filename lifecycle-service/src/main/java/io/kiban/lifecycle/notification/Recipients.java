package io.kiban.lifecycle.notification;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who gets what, from configuration: jpo-admin's addresses, and per vendor organisation its own
 * (merged from {@code kiban.notifications.recipients.vendors.<org>} and the one-line {@code
 * vendor-list}). Checked at start: an address that is not one, or a malformed vendor-list, stops
 * the service with a message naming the setting.
 */
@ApplicationScoped
@Startup
class Recipients {

    private static final Pattern ADDRESS =
            Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");

    private final List<String> jpoAdmin;
    private final Map<String, List<String>> vendors;

    public Recipients(NotificationConfig config) {
        this.jpoAdmin =
                checked(
                        "kiban.notifications.recipients.jpo-admin",
                        config.recipients().jpoAdmin().orElse(List.of()));
        Map<String, Set<String>> merged = new LinkedHashMap<>();
        config.recipients()
                .vendors()
                .forEach(
                        (org, list) ->
                                merged.computeIfAbsent(org, k -> new LinkedHashSet<>())
                                        .addAll(
                                                checked(
                                                        "kiban.notifications.recipients.vendors."
                                                                + org,
                                                        list)));
        config.recipients().vendorList().ifPresent(line -> parse(line, merged));
        Map<String, List<String>> result = new LinkedHashMap<>();
        merged.forEach((org, set) -> result.put(org, List.copyOf(set)));
        this.vendors = Map.copyOf(result);
    }

    public List<String> jpoAdmin() {
        return jpoAdmin;
    }

    /** The organisation's own addresses (never another's); empty when none are configured. */
    public List<String> vendor(String organisation) {
        return organisation == null ? List.of() : vendors.getOrDefault(organisation, List.of());
    }

    static void parse(String line, Map<String, Set<String>> into) {
        for (String entry : line.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException(
                        "kiban.notifications.recipients.vendor-list: \""
                                + entry.trim()
                                + "\" is not org=address[,address…]");
            }
            String org = entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            List<String> addresses = new ArrayList<>();
            for (String a : entry.substring(eq + 1).split(",")) {
                if (!a.isBlank()) {
                    addresses.add(a.trim());
                }
            }
            into.computeIfAbsent(org, k -> new LinkedHashSet<>())
                    .addAll(
                            checked(
                                    "kiban.notifications.recipients.vendor-list (" + org + ")",
                                    addresses));
        }
    }

    private static List<String> checked(String setting, List<String> addresses) {
        List<String> result = new ArrayList<>();
        for (String a : addresses) {
            String t = a.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (!ADDRESS.matcher(t).matches()) {
                throw new IllegalStateException(setting + ": \"" + t + "\" is not a mail address");
            }
            result.add(t);
        }
        return List.copyOf(result);
    }
}
