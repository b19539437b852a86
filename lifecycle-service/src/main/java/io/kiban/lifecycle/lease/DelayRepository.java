package io.kiban.lifecycle.lease;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the lease feature (moved out of {@code LeaseService}, #19). */
@ApplicationScoped
class DelayRepository implements PanacheRepository<ProductionDelay> {}
