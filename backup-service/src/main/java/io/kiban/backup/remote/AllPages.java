package io.kiban.backup.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Reads a paged list of another service to its end (#15 item 10): pages of {@value #SIZE} until the
 * total the service announces in {@code X-Total-Count} is reached. Without that header the first
 * answer is the complete list. A page that is empty before the total is reached means the list
 * changed or the service lied: that is an error, never a silently shorter list.
 */
final class AllPages {

    static final int SIZE = 200;
    static final String TOTAL = "X-Total-Count";
    private static final int MAX_PAGES = 10_000;

    private AllPages() {}

    static List<JsonNode> read(String what, IntFunction<RestResponse<JsonNode>> fetchPage) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            RestResponse<JsonNode> answer = fetchPage.apply(page);
            JsonNode body = answer.getEntity();
            if (body == null || !body.isArray()) {
                throw new IllegalStateException(
                        what + " answered something other than a JSON array");
            }
            body.forEach(all::add);
            String header = answer.getHeaderString(TOTAL);
            if (header == null || header.isBlank()) {
                return all;
            }
            long total;
            try {
                total = Long.parseLong(header.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(
                        what + " answered an unreadable " + TOTAL + ": " + header);
            }
            if (all.size() >= total) {
                return all;
            }
            if (body.isEmpty()) {
                throw new IllegalStateException(
                        what
                                + " announced "
                                + total
                                + " items ("
                                + TOTAL
                                + ") but its pages held "
                                + all.size());
            }
        }
        throw new IllegalStateException(what + " did not end within " + MAX_PAGES + " pages");
    }
}
