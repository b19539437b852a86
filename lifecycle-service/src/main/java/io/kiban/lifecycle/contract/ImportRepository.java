package io.kiban.lifecycle.contract;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the contract feature (moved out of {@code CalendarImportService}, #19). */
@ApplicationScoped
class ImportRepository implements PanacheRepository<CalendarImport> {}
