package io.kiban.maintenance.order;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the order feature (moved out of {@code OrderService}, #19). */
@ApplicationScoped
public class OrderRepository implements PanacheRepository<SanitizationOrder> {}
