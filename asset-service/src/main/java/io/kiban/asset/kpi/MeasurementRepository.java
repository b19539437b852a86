package io.kiban.asset.kpi;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access of the kpi feature (moved out of {@code KpiService}, #19). */
@ApplicationScoped
class MeasurementRepository implements PanacheRepository<KpiMeasurement> {}
