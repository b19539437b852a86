package io.kiban.lifecycle.removal;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the removal feature (moved out of {@code VendorCopyService}, #19). */
@ApplicationScoped
class CopyRepository implements PanacheRepository<VendorCopy> {}
