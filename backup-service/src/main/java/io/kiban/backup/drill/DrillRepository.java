package io.kiban.backup.drill;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** The restore drills (R-BK-4). */
@ApplicationScoped
class DrillRepository implements PanacheRepository<RestoreDrill> {}
