package io.kiban.lifecycle.handler;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the handler feature (moved out of {@code HandlerService}, #19). */
@ApplicationScoped
class HandlerRepository implements PanacheRepository<ApprovedHandler> {

    /**
     * R-SEC-1: the row an approval (which grants the role in Keycloak before it commits) and a
     * reconciler pass (which removes the role from accounts not APPROVED in committed rows) both
     * lock first, so a pass never runs between an approval's grant and its commit — on any replica
     * (V24).
     */
    void lockRoles() {
        getEntityManager()
                .createNativeQuery("SELECT id FROM handler_role_lock WHERE id = 1 FOR UPDATE")
                .getResultList();
    }
}
