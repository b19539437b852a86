package io.kiban.lifecycle.handler;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the vendor organisations (moved out of {@code HandlerService}, #19). */
@ApplicationScoped
class OrganisationRepository implements PanacheRepositoryBase<VendorOrganisation, String> {}
