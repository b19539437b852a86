package io.kiban.asset.endoflife;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the endoflife feature (moved out of {@code EolService}, #19). */
@ApplicationScoped
class MappingRepository implements PanacheRepository<EolMapping> {}
