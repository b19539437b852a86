package io.kiban.lifecycle.phase;

import io.kiban.lifecycle.support.Environment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the phase feature (moved out of {@code PhaseService}, #19). */
@ApplicationScoped
public class PhaseRepository implements PanacheRepositoryBase<EnvironmentPhase, Environment> {}
