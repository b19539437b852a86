package io.kiban.commons.audit;

import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    public Page<AuditRecord> page(String entityType, String entityId, PageRequest request) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (entityType != null) {
            where.append(" and entityType = :type");
            params.and("type", entityType);
        }
        if (entityId != null) {
            where.append(" and entityId = :id");
            params.and("id", entityId);
        }
        PanacheQuery<AuditEntry> q =
                find(where.toString(), Sort.descending("seq"), params)
                        .page(request.page(), request.size());
        return new Page<>(q.list().stream().map(AuditRecord::of).toList(), q.count(), request);
    }
}
