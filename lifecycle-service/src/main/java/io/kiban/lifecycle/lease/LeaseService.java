package io.kiban.lifecycle.lease;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.kiban.commons.time.ClockProducer;
import io.kiban.commons.time.ReiwaDates;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.lease.LeaseDtos.DelayInput;
import io.kiban.lifecycle.lease.LeaseDtos.DelayView;
import io.kiban.lifecycle.lease.LeaseDtos.ExtensionAmountInput;
import io.kiban.lifecycle.lease.LeaseDtos.ExtensionInput;
import io.kiban.lifecycle.lease.LeaseDtos.ExtensionView;
import io.kiban.lifecycle.lease.LeaseDtos.Ledger;
import io.kiban.lifecycle.lease.LeaseDtos.Month;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records of the lease (R-LC-7, R-LC-9, R-LC-14) and their transactions: production-start
 * delays (recorded, decided by a second jpo-admin, deleted), negotiated extensions, closed months
 * (a month's figures stored when JPO records its payment), and the ledger read from them. The
 * figures themselves are computed by {@link LedgerArithmetic}, which touches no database.
 */
@ApplicationScoped
public class LeaseService {

    private final DelaySeals delaySeals;
    private final ClosedMonthSeals monthSeals;
    private final DelayRepository delays;
    private final ExtensionRepository extensions;
    private final ClosedMonthRepository closed;
    private final ObjectMapper json;
    private final ContractService contracts;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public LeaseService(
            DelayRepository delays,
            ExtensionRepository extensions,
            ClosedMonthRepository closed,
            ObjectMapper json,
            ContractService contracts,
            AuditTrail audit,
            Caller caller,
            Clock clock,
            DelaySeals delaySeals,
            ClosedMonthSeals monthSeals) {
        this.delaySeals = delaySeals;
        this.monthSeals = monthSeals;
        this.closed = closed;
        this.json = json;
        this.delays = delays;
        this.extensions = extensions;
        this.contracts = contracts;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    // ---- delays

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DelayView> delays() {
        return delays.list("order by startDate, id").stream().map(LeaseService::view).toList();
    }

    /**
     * R-LC-14: a production-start delay starts at the planned production start (a window starting
     * later is an outage, not a start delay → 422) and ends within the contract; one that would
     * change a closed month → 409. Recorded as PROPOSED: it counts once a second jpo-admin approves
     * it (R-SEC-2).
     */
    @Transactional
    public DelayView recordDelay(DelayInput in) {
        Contract c = contracts.contract();
        if (in.endDate().isBefore(in.startDate())) {
            throw ProblemException.badField("endDate", "must not be before startDate");
        }
        requireStartDelay(c, in.startDate(), in.endDate());
        requireOpenMonths(in.cause(), in.startDate(), in.endDate(), "record this delay");
        ProductionDelay d = new ProductionDelay();
        d.cause = in.cause();
        d.startDate = in.startDate();
        d.endDate = in.endDate();
        d.note = in.note();
        d.recordedBy = caller.name();
        d.recordedById = caller.id();
        d.recordedAt = clock.instant();
        d.status = ProductionDelay.Status.PROPOSED;
        delays.persist(d);
        delays.flush();
        DelayView view = view(d);
        audit.append("record", "production-delay", d.id, view);
        return view;
    }

    /**
     * R-SEC-2: a second jpo-admin approves (or rejects) the delay recorded by the first, on the
     * version reviewed (If-Match); the recorder never decides it (403). R-LC-14: checked again
     * against the contract and closed months.
     */
    @Transactional
    public DelayView decideDelay(long id, boolean approve, String ifMatch) {
        ProductionDelay d = findDelay(id);
        ETags.check(ifMatch, d.version);
        if (d.status != ProductionDelay.Status.PROPOSED) {
            throw ProblemException.rule(
                    "R-LC-14", "delay " + id + " was already decided (" + d.status + ")");
        }
        caller.requireNotSelf("R-SEC-2", d.recordedById, d.recordedBy, "recorded delay " + id);
        if (approve) {
            requireStartDelay(contracts.contract(), d.startDate, d.endDate);
            requireOpenMonths(d.cause, d.startDate, d.endDate, "approve this delay");
        }
        d.status = approve ? ProductionDelay.Status.APPROVED : ProductionDelay.Status.REJECTED;
        d.approvedBy = caller.name();
        d.approvedById = caller.id();
        d.approvedAt = clock.instant();
        d.auditMac = delaySeals.seal(approve ? "approve" : "reject", d); // #15 item 7
        delays.flush();
        return view(d);
    }

    @Transactional
    public void deleteDelay(long id, String ifMatch) {
        ProductionDelay d = findDelay(id);
        ETags.check(ifMatch, d.version);
        if (d.status == ProductionDelay.Status.APPROVED) {
            requireOpenMonths(d.cause, d.startDate, d.endDate, "delete this delay");
        }
        delays.delete(d);
        audit.append("delete", "production-delay", id, null);
    }

    private static void requireStartDelay(Contract c, LocalDate start, LocalDate end) {
        if (!start.equals(c.productionStart)) {
            throw ProblemException.rule(
                    "R-LC-14",
                    "a production-start delay starts at the planned production start "
                            + c.productionStart
                            + " ("
                            + ReiwaDates.format(c.productionStart)
                            + "); a window starting "
                            + start
                            + " is an outage, not a delay of the start");
        }
        if (end.isAfter(c.contractEnd)) {
            throw ProblemException.rule(
                    "R-LC-1",
                    "a production-start delay ends within the contract (" + c.contractEnd + ")");
        }
    }

    /** 409 naming R-LC-14 when a vendor delay over these days would change a closed month. */
    private void requireOpenMonths(
            ProductionDelay.Cause cause, LocalDate start, LocalDate end, String what) {
        if (cause != ProductionDelay.Cause.VENDOR) {
            return;
        }
        List<String> hit = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start);
                !m.isAfter(YearMonth.from(end));
                m = m.plusMonths(1)) {
            if (closed.findByIdOptional(m.toString()).isPresent()) {
                hit.add(m.toString());
            }
        }
        if (!hit.isEmpty()) {
            throw ProblemException.conflict(
                    "R-LC-14",
                    "cannot "
                            + what
                            + ": it falls in the closed month(s) "
                            + hit
                            + ", whose figures are final",
                    hit.stream()
                            .map(m -> Problem.Conflict.of("lease-period", m, "closed"))
                            .toList());
        }
    }

    private ProductionDelay findDelay(long id) {
        return delays.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("delay", id));
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public DelayView delay(long id) {
        return view(findDelay(id));
    }

    private static DelayView view(ProductionDelay d) {
        return new DelayView(
                d.id,
                d.cause,
                d.startDate,
                d.endDate,
                ReiwaDates.format(d.startDate),
                ReiwaDates.format(d.endDate),
                ChronoUnit.DAYS.between(d.startDate, d.endDate) + 1,
                d.note,
                d.recordedBy,
                d.recordedAt,
                d.status,
                d.approvedBy,
                d.approvedAt,
                d.version);
    }

    // ---- extensions (R-LC-9)

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExtensionView> extensions() {
        return extensions.list("order by firstMonth").stream().map(LeaseService::view).toList();
    }

    @Transactional
    public ExtensionView recordExtension(ExtensionInput in) {
        Contract c = contracts.contract();
        YearMonth first = month("firstMonth", in.firstMonth());
        YearMonth last = month("lastMonth", in.lastMonth());
        if (last.isBefore(first)) {
            throw ProblemException.badField("lastMonth", "must not be before firstMonth");
        }
        YearMonth expected = ledgerEnd(c).plusMonths(1);
        if (!first.equals(expected)) {
            throw ProblemException.rule(
                    "R-LC-9",
                    "a negotiated extension continues the ledger: its first month must be "
                            + expected);
        }
        if (in.agreedOn().isAfter(first.atDay(1))) {
            throw ProblemException.rule(
                    "R-LC-9", "the terms of use after the lease are agreed before that use begins");
        }
        LeaseExtension e = new LeaseExtension();
        e.firstMonth = first.atDay(1);
        e.lastMonth = last.atDay(1);
        e.agreedOn = in.agreedOn();
        e.reference = in.reference();
        e.recordedBy = caller.name();
        e.recordedAt = clock.instant();
        for (ExtensionAmountInput a : in.amounts()) {
            if (e.amounts.stream().anyMatch(x -> x.categoryCode.equals(a.categoryCode()))) {
                throw ProblemException.badField(
                        "amounts", "category " + a.categoryCode() + " appears twice");
            }
            LeaseExtension.Amount amount = new LeaseExtension.Amount();
            amount.categoryCode = a.categoryCode();
            amount.leaseMonthly = a.leaseMonthly();
            amount.maintenanceMonthly = a.maintenanceMonthly();
            e.amounts.add(amount);
        }
        extensions.persist(e);
        extensions.flush();
        ExtensionView view = view(e);
        audit.append("record", "lease-extension", e.id, view);
        return view;
    }

    /** Withdraws the last extension (a record entered by mistake); audited. */
    @Transactional
    public void deleteExtension(long id) {
        LeaseExtension e =
                extensions
                        .findByIdOptional(id)
                        .orElseThrow(() -> ProblemException.notFound("extension", id));
        LeaseExtension last = extensions.find("order by firstMonth desc").firstResult();
        if (!last.id.equals(e.id)) {
            throw ProblemException.rule("R-LC-9", "only the last extension can be withdrawn");
        }
        List<String> hit = new ArrayList<>();
        for (YearMonth m = YearMonth.from(e.firstMonth);
                !m.isAfter(YearMonth.from(e.lastMonth));
                m = m.plusMonths(1)) {
            if (closed.findByIdOptional(m.toString()).isPresent()) {
                hit.add(m.toString());
            }
        }
        if (!hit.isEmpty()) {
            throw ProblemException.conflict(
                    "R-LC-14",
                    "extension "
                            + id
                            + " holds closed month(s) "
                            + hit
                            + "; it cannot be withdrawn",
                    List.of());
        }
        extensions.delete(e);
        audit.append("delete", "lease-extension", id, null);
    }

    private static ExtensionView view(LeaseExtension e) {
        return new ExtensionView(
                e.id,
                YearMonth.from(e.firstMonth).toString(),
                YearMonth.from(e.lastMonth).toString(),
                e.agreedOn,
                e.reference,
                e.amounts.stream()
                        .map(
                                a ->
                                        new ExtensionAmountInput(
                                                a.categoryCode,
                                                a.leaseMonthly,
                                                a.maintenanceMonthly))
                        .toList(),
                e.recordedBy,
                e.recordedAt);
    }

    private YearMonth ledgerEnd(Contract c) {
        return extensions
                .find("order by lastMonth desc")
                .firstResultOptional()
                .map(e -> YearMonth.from(e.lastMonth))
                .orElse(YearMonth.from(c.leaseEnd));
    }

    private static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "expected yyyy-MM");
        }
    }

    // ---- the ledger

    /**
     * The ledger (R-LC-7, R-LC-9, R-LC-14): the contract's lease months, then each negotiated
     * extension's, computed by {@link LedgerArithmetic} from the approved vendor delays; a closed
     * month is its stored figures.
     */
    @Transactional
    public Ledger ledger() {
        Contract c = contracts.contract();
        List<LedgerArithmetic.DelayDays> vendorDelays =
                delays
                        .list(
                                "cause = ?1 and status = ?2",
                                ProductionDelay.Cause.VENDOR,
                                ProductionDelay.Status.APPROVED)
                        .stream()
                        .map(d -> new LedgerArithmetic.DelayDays(d.startDate, d.endDate))
                        .toList();
        Map<String, String> names = new HashMap<>();
        c.amounts.forEach(a -> names.put(a.categoryCode, a.categoryName));
        List<LedgerArithmetic.Terms> terms = new ArrayList<>();
        terms.add(
                new LedgerArithmetic.Terms(
                        "CONTRACT",
                        YearMonth.from(c.leaseStart),
                        YearMonth.from(c.leaseEnd),
                        c.amounts.stream()
                                .map(
                                        a ->
                                                new LedgerArithmetic.Amount(
                                                        a.categoryCode,
                                                        a.leaseMonthly,
                                                        a.maintenanceMonthly))
                                .toList()));
        for (LeaseExtension e : extensions.list("order by firstMonth")) {
            terms.add(
                    new LedgerArithmetic.Terms(
                            "EXTENSION-" + e.id,
                            YearMonth.from(e.firstMonth),
                            YearMonth.from(e.lastMonth),
                            e.amounts.stream()
                                    .map(
                                            a ->
                                                    new LedgerArithmetic.Amount(
                                                            a.categoryCode,
                                                            a.leaseMonthly,
                                                            a.maintenanceMonthly))
                                    .toList()));
        }
        // the stored figures of the closed months the ledger holds (read only for those)
        Map<String, Month> closedMonths = new HashMap<>();
        for (ClosedMonth x : closed.listAll()) {
            YearMonth m = YearMonth.parse(x.month);
            if (terms.stream().anyMatch(t -> !m.isBefore(t.first()) && !m.isAfter(t.last()))) {
                closedMonths.put(x.month, stored(x).orElseThrow());
            }
        }
        return LedgerArithmetic.ledger(terms, names, vendorDelays, closedMonths);
    }

    /**
     * One month of the ledger, or 404 when the month is not a paid month (R-LC-9: none after the
     * lease without an extension).
     */
    @Transactional
    public Month period(String month) {
        YearMonth m = month("month", month);
        return ledger().months().stream()
                .filter(x -> x.month().equals(m.toString()))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("lease period", m));
    }

    /**
     * The result of closing a month: {@code created} false when it was closed already (the stored
     * figures).
     */
    public record Closing(Month month, boolean created) {}

    /**
     * R-LC-14: JPO records the payment of a month that has ended (JPO calendar; 422 before): its
     * figures are stored as they stand and never recomputed. Closing a closed month again answers
     * the stored figures (idempotent, audited once). A month outside the ledger → 404.
     */
    @Transactional
    public Closing close(String month) {
        YearMonth m = month("month", month);
        Optional<ClosedMonth> existing = closed.findByIdOptional(m.toString());
        if (existing.isPresent()) {
            return new Closing(stored(existing.get()).orElseThrow(), false);
        }
        Month figures = period(m.toString());
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.JPO_ZONE));
        if (!today.isAfter(m.atEndOfMonth())) {
            throw ProblemException.rule(
                    "R-LC-14",
                    "a month is closed once its payment is recorded, after it ended ("
                            + m.atEndOfMonth()
                            + "); today is "
                            + today);
        }
        ClosedMonth cm = new ClosedMonth();
        cm.month = m.toString();
        cm.net = figures.net();
        cm.closedBy = caller.name();
        cm.closedAt = clock.instant();
        Month stored =
                new Month(
                        figures.month(),
                        figures.firstDay(),
                        figures.firstDayReiwa(),
                        figures.calendarDays(),
                        figures.vendorDelayDays(),
                        figures.paidDays(),
                        figures.terms(),
                        figures.lines(),
                        figures.gross(),
                        figures.deduction(),
                        figures.net(),
                        true,
                        cm.closedBy,
                        cm.closedAt);
        try {
            cm.figures = json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        cm.auditMac =
                monthSeals.seal(
                        "close",
                        cm); // #15 item 7: the stored figures are sealed by the close entry
        closed.persist(cm);
        closed.flush();
        return new Closing(stored, true);
    }

    /** The last closed month (yyyy-MM), if any: amendments must not move the lease off it. */
    @Transactional
    public List<String> closedMonths() {
        return closed.listAll().stream().map(x -> x.month).sorted().toList();
    }

    private Optional<Month> stored(ClosedMonth cm) {
        if (cm == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(cm.figures, Month.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "closed month " + cm.month + " has unreadable figures", e);
        }
    }
}
