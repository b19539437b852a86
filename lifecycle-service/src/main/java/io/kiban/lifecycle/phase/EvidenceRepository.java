package io.kiban.lifecycle.phase;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the phase feature (moved out of {@code RestorationService}, #19). */
@ApplicationScoped
class EvidenceRepository implements PanacheRepository<RestorationEvidence> {}
