package io.kiban.asset.support;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The create/read/update/delete of every flat ledger category, given its {@link LedgerCategory}:
 * optimistic locking (If-Match required on update and delete), one audit entry per change, Envers
 * history from the entity's {@code @Audited}.
 */
@ApplicationScoped
public class LedgerStore {

    private final EntityManager em;
    private final AuditTrail audit;

    public LedgerStore(EntityManager em, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    public <E, I, V extends LedgerView> Page<V> list(
            LedgerCategory<E, I, V> category, PageRequest page) {
        String name = category.entity().getSimpleName();
        long total =
                em.createQuery("select count(e) from " + name + " e", Long.class).getSingleResult();
        var list =
                em.createQuery("from " + name + " e order by e.id", category.entity())
                        .setFirstResult(page.page() * page.size())
                        .setMaxResults(page.size())
                        .getResultList();
        return new Page<>(list.stream().map(category.view()).toList(), total, page);
    }

    @Transactional
    public <E, I, V extends LedgerView> V get(LedgerCategory<E, I, V> category, long id) {
        return category.view().apply(find(category, id));
    }

    @Transactional
    public <E, I, V extends LedgerView> V add(LedgerCategory<E, I, V> category, I input) {
        E e = category.factory().get();
        category.apply().accept(e, input);
        em.persist(e);
        em.flush();
        V view = category.view().apply(e);
        audit.append("create", category.type(), view.id(), view);
        return view;
    }

    @Transactional
    public <E, I, V extends LedgerView> V update(
            LedgerCategory<E, I, V> category, long id, String ifMatch, I input) {
        E e = find(category, id);
        ETags.check(ifMatch, category.view().apply(e).version());
        category.apply().accept(e, input);
        em.flush();
        V view = category.view().apply(e);
        audit.append("update", category.type(), id, view);
        return view;
    }

    @Transactional
    public <E, I, V extends LedgerView> void delete(
            LedgerCategory<E, I, V> category, long id, String ifMatch) {
        E e = find(category, id);
        ETags.check(ifMatch, category.view().apply(e).version());
        em.remove(e);
        em.flush();
        audit.append("delete", category.type(), id, null);
    }

    /** The entity, or 404 naming the category. */
    public <E> E find(LedgerCategory<E, ?, ?> category, long id) {
        return Optional.ofNullable(em.find(category.entity(), id))
                .orElseThrow(() -> ProblemException.notFound(category.type(), id));
    }
}
