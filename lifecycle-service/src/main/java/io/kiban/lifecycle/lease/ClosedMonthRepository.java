package io.kiban.lifecycle.lease;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the lease feature (moved out of {@code LeaseService}, #19). */
@ApplicationScoped
class ClosedMonthRepository implements PanacheRepositoryBase<ClosedMonth, String> {}
