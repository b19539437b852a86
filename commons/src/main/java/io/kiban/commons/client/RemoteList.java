package io.kiban.commons.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Reads a paged list of another service to its end (#15 item 10; one home for it since #19). The
 * suite's lists are paged ({@code ?page=&size=}, size at most {@value #PAGE_SIZE}, {@code
 * X-Total-Count}): this asks page after page until as many items as the first answer announced are
 * read. An answer without {@code X-Total-Count} is an unpaged list and complete as it is. Fewer
 * items than announced (an empty page before the total), an unreadable total, a body that is not a
 * JSON array or more than {@value #MAX_PAGES} pages is {@link Incomplete}: never a silently shorter
 * list, so a caller that decides on the list (a removal gate, a destruction check) treats it as the
 * service not answering.
 */
public final class RemoteList {

    /** The largest page the suite's lists serve. */
    public static final int PAGE_SIZE = 200;

    public static final String TOTAL = "X-Total-Count";
    static final int MAX_PAGES = 10_000;

    private RemoteList() {}

    /**
     * One answer: the array of the page (null when the body held none) and its {@code
     * X-Total-Count}.
     */
    public record Page(JsonNode items, String totalCount) {}

    /** The pages did not add up to the list they announced: what was read is not the whole list. */
    public static class Incomplete extends RuntimeException {
        public Incomplete(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param what who answers, for the messages (e.g. {@code maintenance-service})
     * @param page asks one page (0, 1, …) of {@link #PAGE_SIZE} items
     */
    public static List<JsonNode> readAll(String what, IntFunction<Page> page) {
        List<JsonNode> all = new ArrayList<>();
        long total = -1;
        for (int p = 0; p < MAX_PAGES; p++) {
            Page answer = page.apply(p);
            JsonNode items = answer == null ? null : answer.items();
            if (items == null || !items.isArray()) {
                throw new Incomplete(what + " answered something other than a list");
            }
            if (p == 0) {
                String count = answer.totalCount();
                if (count == null || count.isBlank()) {
                    items.forEach(all::add);
                    return all; // not paged: the body is the whole list
                }
                try {
                    total = Long.parseLong(count.trim());
                } catch (NumberFormatException e) {
                    throw new Incomplete(
                            what + " announced " + TOTAL + " " + count + ", not a number");
                }
            }
            items.forEach(all::add);
            if (all.size() >= total) {
                return all;
            }
            if (items.isEmpty()) {
                throw new Incomplete(
                        what
                                + " announced "
                                + total
                                + " items ("
                                + TOTAL
                                + ") but its pages held "
                                + all.size());
            }
        }
        throw new Incomplete(
                what
                        + " announced "
                        + total
                        + " items but "
                        + MAX_PAGES
                        + " pages held "
                        + all.size());
    }
}
