package io.kiban.lifecycle.support;

import io.kiban.commons.audit.AuditHead;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * #15 item 7: at start-up, once per database and kind (replicas serialise on the audit chain head),
 * the rows decided before V22 are sealed as they are now (see {@link DecisionSeals#sealLegacy()}).
 */
@ApplicationScoped
public class LegacySeals {

    private final EntityManager em;
    private final Instance<DecisionSeals<?>> kinds;

    public LegacySeals(EntityManager em, Instance<DecisionSeals<?>> kinds) {
        this.em = em;
        this.kinds = kinds;
    }

    @Transactional
    public void sealLegacyDecisions(@Observes StartupEvent start) {
        em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        kinds.forEach(DecisionSeals::sealLegacy);
    }
}
