package io.kiban.maintenance.replacement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the replacement feature (moved out of {@code ReplacementService}, #19). */
@ApplicationScoped
public class ReplacementRepository implements PanacheRepositoryBase<PartReplacement, String> {}
