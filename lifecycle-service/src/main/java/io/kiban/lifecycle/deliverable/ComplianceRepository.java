package io.kiban.lifecycle.deliverable;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the deliverable feature (moved out of {@code DeliverableService}, #19). */
@ApplicationScoped
class ComplianceRepository implements PanacheRepository<ComplianceStatus> {}
