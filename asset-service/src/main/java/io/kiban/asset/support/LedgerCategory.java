package io.kiban.asset.support;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One flat ledger category (sheets 3–9, 11, 12, racks): its entity, the name used in problems and
 * the audit trail, how a new entity is made, how an input is applied (validating what bean
 * validation cannot) and how an entity is shown.
 */
public record LedgerCategory<E, I, V extends LedgerView>(
        Class<E> entity,
        String type,
        Supplier<E> factory,
        BiConsumer<E, I> apply,
        Function<E, V> view) {}
