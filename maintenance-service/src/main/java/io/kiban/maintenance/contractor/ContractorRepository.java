package io.kiban.maintenance.contractor;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the contractor feature (moved out of {@code ContractorService}, #19). */
@ApplicationScoped
public class ContractorRepository implements PanacheRepository<Contractor> {}
