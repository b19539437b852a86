package io.kiban.asset.support;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.transaction.Transactional;

/**
 * The create/read/update/delete of a flat ledger category (sheets 3–9, 11, 12): optimistic locking,
 * audit entry per change, Envers history from the entity's {@code @Audited}. Subclasses say how an
 * input is applied and how an entity is shown.
 */
public abstract class SimpleLedger<E, I, V> {

    protected PanacheRepository<E> repository;
    protected AuditTrail audit;
    private String type;

    /** For the CDI client proxy only. */
    protected SimpleLedger() {
    }

    protected SimpleLedger(PanacheRepository<E> repository, AuditTrail audit, String type) {
        this.repository = repository;
        this.audit = audit;
        this.type = type;
    }

    protected abstract E create();

    protected abstract void apply(E entity, I input);

    protected abstract V view(E entity);

    protected abstract Long id(E entity);

    protected abstract long version(E entity);

    @Transactional
    public Page<V> list(PageRequest page) {
        var query = repository.find("order by id");
        long total = query.count();
        return new Page<>(query.page(page.page(), page.size()).list().stream().map(this::view).toList(), total, page);
    }

    @Transactional
    public V get(long id) {
        return view(find(id));
    }

    @Transactional
    public V add(I input) {
        E e = create();
        apply(e, input);
        repository.persist(e);
        repository.flush();
        V view = view(e);
        audit.append("create", type, id(e), view);
        return view;
    }

    @Transactional
    public V update(long id, String ifMatch, I input) {
        E e = find(id);
        ETags.check(ifMatch, version(e));
        apply(e, input);
        repository.flush();
        V view = view(e);
        audit.append("update", type, id, view);
        return view;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        E e = find(id);
        ETags.check(ifMatch, version(e));
        repository.delete(e);
        audit.append("delete", type, id, null);
    }

    protected E find(long id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound(type, id));
    }
}
