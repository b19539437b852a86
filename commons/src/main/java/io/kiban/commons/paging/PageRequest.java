package io.kiban.commons.paging;

import io.kiban.commons.problem.ProblemException;

/**
 * {@code ?page=&size=}: zero-based page, size 1…{@value #MAX_SIZE} (400 outside). The row offset
 * {@code page × size} (and the end of the page) must fit the database's 32-bit offset: a page
 * beyond it is 400, not an overflow into a negative offset and a 500 (#15 item 10).
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.badField("page", "must be 0 or more")
                    .withMessage("detail.page-negative");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badField("size", "must be between 1 and " + MAX_SIZE)
                    .withMessage("detail.size-range", MAX_SIZE);
        }
        if ((long) p * s + s > Integer.MAX_VALUE) {
            throw ProblemException.badField(
                            "page",
                            "page × size must stay below "
                                    + Integer.MAX_VALUE
                                    + " (page "
                                    + p
                                    + " of size "
                                    + s
                                    + " is beyond any list)")
                    .withMessage("detail.page-beyond", Integer.MAX_VALUE, p, s);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
