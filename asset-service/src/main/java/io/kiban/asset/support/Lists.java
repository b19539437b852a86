package io.kiban.asset.support;

import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import java.util.List;

/**
 * Pages a list computed in memory (reports, histories, short lists): every list is paged (issue 15
 * item 10).
 */
public final class Lists {

    private Lists() {}

    public static <T> Page<T> page(List<T> all, PageRequest request) {
        long offset = (long) request.page() * request.size();
        int from = (int) Math.min(all.size(), offset);
        int to = (int) Math.min(all.size(), from + (long) request.size());
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), request);
    }

    public static <T> Page<T> page(List<T> all, Integer page, Integer size) {
        return page(all, PageRequest.of(page, size));
    }
}
