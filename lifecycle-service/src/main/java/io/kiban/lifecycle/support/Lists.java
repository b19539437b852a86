package io.kiban.lifecycle.support;

import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import java.util.List;

/**
 * #15 item 10: the short lists of this service (phases, transitions, checklists, delays,
 * extensions, amendments, archives, vendor copies, deadlines, holidays …) are paged like every list
 * of the suite — {@code ?page=&size=} (default 50, at most 200), {@code X-Total-Count} and {@code
 * Link} headers, the body still a JSON array. They hold a few dozen rows at most, read whole in
 * their natural order, so the page is cut from that order.
 */
public final class Lists {

    private Lists() {}

    public static <T> Page<T> page(List<T> all, PageRequest request) {
        int from = (int) Math.min((long) request.offset(), all.size());
        int to = (int) Math.min((long) from + request.size(), all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), request);
    }
}
