package io.kiban.asset.kpi;

import io.kiban.asset.kpi.KpiDtos.KpiInput;
import io.kiban.asset.kpi.KpiDtos.KpiView;
import io.kiban.asset.kpi.KpiDtos.MeasurementInput;
import io.kiban.asset.kpi.KpiDtos.MeasurementView;
import io.kiban.asset.support.LedgerCategory;
import io.kiban.asset.support.LedgerStore;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Sheet 9 (指標): KPI definitions and their measured values over time. */
@ApplicationScoped
public class KpiService {

    public static final LedgerCategory<Kpi, KpiInput, KpiView> KPIS =
            new LedgerCategory<>(Kpi.class, "kpi", Kpi::new, KpiService::apply, KpiService::view);

    private final LedgerStore store;
    private final MeasurementRepository measurements;
    private final AuditTrail audit;
    private final Caller caller;

    public KpiService(
            LedgerStore store,
            MeasurementRepository measurements,
            AuditTrail audit,
            Caller caller) {
        this.store = store;
        this.measurements = measurements;
        this.audit = audit;
        this.caller = caller;
    }

    public Page<KpiView> list(PageRequest page) {
        return store.list(KPIS, page);
    }

    public KpiView get(long id) {
        return store.get(KPIS, id);
    }

    public KpiView add(KpiInput input) {
        return store.add(KPIS, input);
    }

    public KpiView update(long id, String ifMatch, KpiInput input) {
        return store.update(KPIS, id, ifMatch, input);
    }

    static void apply(Kpi k, KpiInput in) {
        k.name = in.name();
        k.kpiClass = in.kpiClass();
        k.plannedValue = in.plannedValue();
        k.unit = in.unit();
    }

    public static KpiView view(Kpi k) {
        return new KpiView(k.id, k.name, k.kpiClass, k.plannedValue, k.unit, k.version);
    }

    @Transactional
    public MeasurementView measure(long kpiId, MeasurementInput input) {
        store.find(KPIS, kpiId);
        KpiMeasurement m = new KpiMeasurement();
        m.kpiId = kpiId;
        m.measuredAt = input.measuredAt();
        m.value = input.value();
        m.note = input.note();
        m.recordedBy = caller.name();
        measurements.persist(m);
        measurements.flush();
        MeasurementView view = view(m);
        audit.append("measure", "kpi", kpiId, view);
        return view;
    }

    /** The series of one KPI in [from, to), oldest first. */
    @Transactional
    public List<MeasurementView> series(long kpiId, Instant from, Instant to) {
        store.find(KPIS, kpiId);
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.badField("to", "must be after from");
        }
        Instant f = from == null ? Instant.EPOCH : from;
        Instant t = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to;
        return measurements
                .list(
                        "kpiId = ?1 and measuredAt >= ?2 and measuredAt < ?3 order by measuredAt, id",
                        kpiId,
                        f,
                        t)
                .stream()
                .map(KpiService::view)
                .toList();
    }

    public static MeasurementView view(KpiMeasurement m) {
        return new MeasurementView(m.id, m.kpiId, m.measuredAt, m.value, m.note, m.recordedBy);
    }

    /** A KPI is deleted only while it has no measurements (they are kept). */
    @Transactional
    public void delete(long id, String ifMatch) {
        if (measurements.count("kpiId", id) > 0) {
            throw ProblemException.conflict(
                    "KPI " + id + " has measurements; they are kept",
                    List.of(
                            io.kiban.commons.problem.Problem.Conflict.of(
                                    "kpi", String.valueOf(id), "has measurements")));
        }
        store.delete(KPIS, id, ifMatch);
    }
}
