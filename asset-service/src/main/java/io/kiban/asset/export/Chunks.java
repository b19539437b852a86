package io.kiban.asset.export;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Streams a whole table out of the database without holding it in memory (#19: one home for the
 * export's chunked read): the query is read {@value #SIZE} rows at a time in its own order (which
 * ends with the id, so no row is read twice or skipped between chunks), each row is handed on, and
 * the persistence context is cleared after every chunk, so the entities read so far can be
 * collected. Used by the CSV tables and the records archive ({@link ExportService}) and the
 * standard sheet ({@link StandardSheetService}), all inside one read transaction.
 */
final class Chunks {

    /** Rows per chunk. */
    static final int SIZE = 500;

    private Chunks() {}

    /** What is done with each row; may throw what the writer throws (an {@code IOException}). */
    @FunctionalInterface
    interface Each<T, E extends Exception> {
        void accept(T row) throws E;
    }

    /** One chunk of a query: at most {@code max} rows from row {@code first}. */
    @FunctionalInterface
    interface Chunk<T> {
        List<T> read(int first, int max);
    }

    /**
     * Every row of the JPQL query, chunk by chunk. The query's {@code order by} must end with the
     * id.
     */
    static <T, E extends Exception> void each(
            EntityManager em, String jpql, Class<T> type, Each<? super T, E> each) throws E {
        each(
                em,
                (first, max) ->
                        em.createQuery(jpql, type)
                                .setFirstResult(first)
                                .setMaxResults(max)
                                .getResultList(),
                each);
    }

    /** Every row {@code chunk} reads (e.g. an Envers query), chunk by chunk. */
    static <T, E extends Exception> void each(
            EntityManager em, Chunk<T> chunk, Each<? super T, E> each) throws E {
        for (int first = 0; ; first += SIZE) {
            List<T> rows = chunk.read(first, SIZE);
            for (T row : rows) {
                each.accept(row);
            }
            em.clear();
            if (rows.size() < SIZE) {
                return;
            }
        }
    }
}
