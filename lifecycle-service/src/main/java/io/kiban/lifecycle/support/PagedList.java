package io.kiban.lifecycle.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * #15 item 10: a list of another service read to the end. The suite's lists are paged ({@code
 * ?page=&size=}, size at most 200, {@code X-Total-Count}); this asks {@value #PAGE_SIZE} a page and
 * keeps asking until as many items as the first answer announced are read. An answer without {@code
 * X-Total-Count} is an unpaged list and complete as it is (a service that does not page yet). Fewer
 * items than announced, or an answer that is not a list, is {@link Incomplete}: callers that decide
 * on the list (the removal gate) treat it as the service not answering.
 */
public final class PagedList {

    public static final int PAGE_SIZE = 200;
    static final int MAX_PAGES = 10_000;

    private PagedList() {}

    /** The pages did not add up to a list: what was read is not the whole list. */
    public static class Incomplete extends RuntimeException {
        public Incomplete(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param service the service asked (its calls go through {@link Remote#call})
     * @param page one page of the list: {@code page -> client.list(…, page, PAGE_SIZE)}
     * @param items the array in a page's body (a body that is itself an array, or one field of an
     *     object)
     */
    public static List<JsonNode> readAll(
            String service,
            IntFunction<RestResponse<JsonNode>> page,
            Function<JsonNode, JsonNode> items) {
        List<JsonNode> all = new ArrayList<>();
        Long total = null;
        for (int p = 0; p < MAX_PAGES; p++) {
            int n = p;
            RestResponse<JsonNode> answer = Remote.call(service, () -> page.apply(n));
            JsonNode body = answer.getEntity();
            JsonNode list = body == null ? null : items.apply(body);
            if (list == null || !list.isArray()) {
                throw new Incomplete(service + " answered something other than a list");
            }
            String count = answer.getHeaderString("X-Total-Count");
            if (p == 0) {
                if (count == null || count.isBlank()) {
                    list.forEach(all::add);
                    return all; // not paged: the body is the whole list
                }
                try {
                    total = Long.parseLong(count.trim());
                } catch (NumberFormatException e) {
                    throw new Incomplete(
                            service + " announced X-Total-Count " + count + ", not a number");
                }
            }
            list.forEach(all::add);
            if (all.size() >= total) {
                return all;
            }
            if (list.isEmpty()) {
                throw new Incomplete(
                        service
                                + " announced "
                                + total
                                + " items (X-Total-Count) but its pages held "
                                + all.size());
            }
        }
        throw new Incomplete(
                service
                        + " announced "
                        + total
                        + " items but "
                        + MAX_PAGES
                        + " pages held "
                        + all.size());
    }

    /** A body that is the array itself. */
    public static JsonNode array(JsonNode body) {
        return body;
    }
}
