package io.kiban.lifecycle.archive;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the archive feature (moved out of {@code ArchiveService}, #19). */
@ApplicationScoped
public class ArchiveRepository implements PanacheRepository<Archive> {}
