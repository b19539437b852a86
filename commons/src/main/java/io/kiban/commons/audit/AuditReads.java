package io.kiban.commons.audit;

import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What {@code /audit} reads of the trail: the resource never touches the repository (#19). */
@ApplicationScoped
class AuditReads {

    private final AuditRepository repository;

    AuditReads(AuditRepository repository) {
        this.repository = repository;
    }

    /**
     * The next {@code size} entries after {@code seq}, oldest first, each in a short transaction.
     */
    List<AuditRecord> after(long seq, int size) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                repository
                                        .find("seq > ?1", Sort.ascending("seq"), seq)
                                        .page(0, size)
                                        .list()
                                        .stream()
                                        .map(AuditRecord::of)
                                        .toList());
    }

    /** A page of the trail, newest first, filtered by entity type and id when given. */
    Page<AuditRecord> page(String entityType, String entityId, PageRequest request) {
        return repository.page(entityType, entityId, request);
    }
}
