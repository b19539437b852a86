package io.kiban.lifecycle.delivery;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the delivery feature (moved out of {@code DeliveryService}, #19). */
@ApplicationScoped
public class ExtensionRepository implements PanacheRepository<DeliveryExtension> {}
