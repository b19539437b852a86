package io.kiban.lifecycle.contract;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** Data access of the contract feature (moved out of {@code BusinessCalendar}, #19). */
@ApplicationScoped
class HolidayRepository implements PanacheRepositoryBase<Holiday, LocalDate> {}
