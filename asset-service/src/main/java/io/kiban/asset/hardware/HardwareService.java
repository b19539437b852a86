package io.kiban.asset.hardware;

import io.kiban.asset.hardware.HardwareDtos.HardwareInput;
import io.kiban.asset.hardware.HardwareDtos.HardwareView;
import io.kiban.asset.hardware.HardwareDtos.MaintenanceRisk;
import io.kiban.asset.hardware.HardwareDtos.StatusChange;
import io.kiban.asset.support.Condition;
import io.kiban.asset.support.ContractReport;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.Filters;
import io.kiban.asset.support.Lifecycle;
import io.kiban.asset.support.Lists;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.time.ClockProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Sheet 1 (ハードウェア): registration, the status lifecycle, and the R-AS-2/3/6 checks. */
@ApplicationScoped
public class HardwareService {

    private final HardwareRepository repository;
    private final BaselineLines baseline;
    private final InstalledMedia media;
    private final AuditTrail audit;
    private final Lifecycle lifecycle;
    private final Clock clock;

    private final Lookups queries;

    public HardwareService(
            HardwareRepository repository,
            BaselineLines baseline,
            InstalledMedia media,
            AuditTrail audit,
            Lifecycle lifecycle,
            Clock clock) {
        this.repository = repository;
        this.baseline = baseline;
        this.media = media;
        this.audit = audit;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.queries =
                new Lookups() {
                    @Override
                    public Optional<Long> hardwareWithSerial(String serial) {
                        return repository.findBySerial(serial).map(h -> h.id);
                    }

                    @Override
                    public boolean baselineLine(String item, Environment environment) {
                        return baseline.has(item, environment);
                    }

                    @Override
                    public void requireOpen(Environment environment, String what) {
                        lifecycle.requireOpen(environment, what);
                    }
                };
    }

    /**
     * What the checks of a write look up in the ledger. A single-row call queries; a bulk import
     * (issue 18) answers from what it read once for all its rows, so that every row is checked by
     * the same code as a single POST without a query of its own.
     */
    public interface Lookups {
        /** The id of the hardware that has this serial number now, if any. */
        Optional<Long> hardwareWithSerial(String serial);

        /** Whether the baseline has line {@code item} for the environment (or for SHARED). */
        boolean baselineLine(String item, Environment environment);

        /** R-RM-1/R-RM-3: refuses a write into an environment whose phase is REMOVED or CLOSED. */
        void requireOpen(Environment environment, String what);
    }

    // #16 §3: a list writes nothing: no JTA transaction (ReadWithoutTransactionTest). The count
    // and the page are two statements, each its own snapshot: a row committed between them can
    // make X-Total-Count differ by one from what paging then finds, as it can between two pages
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HardwareView> list(
            Environment environment,
            HardwareStatus status,
            HardwareClass hardwareClass,
            String baselineItem,
            PageRequest page) {
        Filters f =
                new Filters()
                        .eq("environment", environment)
                        .eq("status", status)
                        .eq("hardwareClass", hardwareClass)
                        .eq("baselineItem", baselineItem);
        var query = repository.find(f.query("id"), f.params());
        long total = query.count();
        List<HardwareView> items =
                query.page(page.page(), page.size()).list().stream().map(HardwareView::of).toList();
        return new Page<>(items, total, page);
    }

    // #16 §3: a read by id writes nothing, so no JTA transaction: one SELECT instead of
    // set autocommit=0 · SELECT · COMMIT · set autocommit=1 (ReadWithoutTransactionTest)
    @Transactional(Transactional.TxType.SUPPORTS)
    public HardwareView get(long id) {
        return HardwareView.of(find(id));
    }

    public Hardware find(long id) {
        return repository
                .findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("hardware", id));
    }

    @Transactional
    public HardwareView create(HardwareInput input) {
        Hardware h = created(input, queries);
        repository.flush();
        HardwareView view = HardwareView.of(h);
        audit.append("create", "hardware", h.id, view);
        return view;
    }

    /**
     * {@link #create} for a bulk import (issue 18): the same checks, answered by {@code lookups};
     * the row is not flushed (its id comes from a sequence, its version is seeded), so that the
     * import writes in JDBC batches. A refusal does not mark the import's transaction: the import
     * lists every bad row, then rolls back as a whole.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public HardwareView createInBulk(HardwareInput input, Lookups lookups) {
        Hardware h = created(input, lookups);
        HardwareView view = HardwareView.of(h);
        audit.append("create", "hardware", h.id, view);
        return view;
    }

    private Hardware created(HardwareInput input, Lookups lookups) {
        HardwareStatus status = input.status() == null ? HardwareStatus.ORDERED : input.status();
        if (status.isDelivered() && input.deliveredOn() == null) {
            throw ProblemException.badField(
                    "deliveredOn", "is required for an item that is " + status);
        }
        if (!status.isDelivered() && input.deliveredOn() != null) {
            throw ProblemException.badField(
                    "deliveredOn", "an ORDERED item has no delivery date yet");
        }
        checkDeliveryDate(input.deliveredOn());
        lookups.requireOpen(input.environment(), "new hardware");
        Hardware h = new Hardware();
        apply(h, input, lookups);
        h.status = status;
        h.deliveredOn = input.deliveredOn();
        repository.persist(h);
        return h;
    }

    @Transactional
    public HardwareView update(long id, String ifMatch, HardwareInput input) {
        return updated(find(id), ifMatch, input, queries);
    }

    /**
     * {@link #update} of an item a bulk import read (issue 18): the same checks, answered by {@code
     * lookups}.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public HardwareView updateInBulk(
            Hardware h, String ifMatch, HardwareInput input, Lookups lookups) {
        return updated(h, ifMatch, input, lookups);
    }

    private HardwareView updated(Hardware h, String ifMatch, HardwareInput input, Lookups lookups) {
        long id = h.id;
        ETags.check(ifMatch, h.version);
        if (input.status() != null && input.status() != h.status) {
            throw ProblemException.badField(
                    "status", "change the status with POST /hardware/" + id + "/status");
        }
        if (input.environment() != h.environment) {
            lookups.requireOpen(input.environment(), "moving hardware into it");
        }
        apply(h, input, lookups);
        if (input.deliveredOn() != null && h.status.isDelivered()) {
            checkDeliveryDate(input.deliveredOn());
            h.deliveredOn = input.deliveredOn();
        }
        repository.flush();
        HardwareView view = HardwareView.of(h);
        audit.append("update", "hardware", h.id, view);
        return view;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        Hardware h = find(id);
        ETags.check(ifMatch, h.version);
        List<Problem.Conflict> conflicts = new ArrayList<>();
        media.serialsIn(id)
                .forEach(
                        serial ->
                                conflicts.add(
                                        Problem.Conflict.of(
                                                "medium",
                                                serial,
                                                "a data-bearing medium was installed in it; its history must be kept")));
        repository
                .list("substituteForId", id)
                .forEach(
                        s ->
                                conflicts.add(
                                        Problem.Conflict.of(
                                                "hardware",
                                                String.valueOf(s.id),
                                                "is registered as its substitute (R-AS-3)")));
        repository
                .getEntityManager()
                .createQuery("select p.id from RackPosition p where p.hardwareId = :h", Long.class)
                .setParameter("h", id)
                .getResultList()
                .forEach(
                        p ->
                                conflicts.add(
                                        Problem.Conflict.of(
                                                "rack-position",
                                                String.valueOf(p),
                                                "the item is mounted in a rack; unmount it first")));
        if (!conflicts.isEmpty()) {
            throw ProblemException.conflict("hardware " + id + " cannot be deleted", conflicts);
        }
        repository.delete(h);
        audit.append("delete", "hardware", id, null);
    }

    @Transactional
    public HardwareView changeStatus(long id, String ifMatch, StatusChange change) {
        return statusChanged(find(id), ifMatch, change);
    }

    /**
     * {@link #changeStatus} of an item a bulk import read (issue 18); a refusal does not mark the
     * transaction.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public HardwareView changeStatusInBulk(Hardware h, String ifMatch, StatusChange change) {
        return statusChanged(h, ifMatch, change);
    }

    private HardwareView statusChanged(Hardware h, String ifMatch, StatusChange change) {
        ETags.check(ifMatch, h.version);
        HardwareStatus from = h.status;
        HardwareStatus to = change.status();
        if (!from.mayBecome(to)) {
            throw ProblemException.of(
                    ProblemType.RULE_VIOLATION,
                    "transition "
                            + from
                            + " → "
                            + to
                            + " is not allowed; from "
                            + from
                            + " the item may become "
                            + (from.next().isEmpty()
                                    ? "nothing else"
                                    : from.next().stream()
                                            .map(Enum::name)
                                            .sorted()
                                            .collect(Collectors.joining(", "))));
        }
        if (to == HardwareStatus.DELIVERED) {
            if (change.deliveredOn() == null) {
                throw ProblemException.badField(
                        "deliveredOn", "is required when the item is delivered");
            }
            checkDeliveryDate(change.deliveredOn());
            h.deliveredOn = change.deliveredOn();
        } else if (change.deliveredOn() != null) {
            throw ProblemException.badField(
                    "deliveredOn", "is only given with the transition to DELIVERED");
        }
        h.status = to;
        repository.flush();
        HardwareView view = HardwareView.of(h);
        audit.append(
                from == HardwareStatus.END_OF_USE && to == HardwareStatus.IN_SERVICE
                        ? "fallback"
                        : "status",
                "hardware",
                h.id,
                view);
        return view;
    }

    /**
     * R-AS-6: maintenance deadlines that end before the lease does (or are not recorded). The lease
     * end is lifecycle-service's contract as amended (issue 14 item 9): the last copy, marked
     * stale, when lifecycle is down; 503 with no copy.
     */
    // #16 §3: a read; lifecycle-service is asked outside any transaction, so a slow or dead
    // lifecycle never holds a connection enlisted in one (a transaction that timed out around the
    // call failed the report with "Enlisted connection used without active transaction")
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContractReport<MaintenanceRisk> maintenanceRisks(
            Environment environment, PageRequest page) {
        Lifecycle.Contract contract = lifecycle.contract();
        LocalDate leaseEnd = contract.leaseEnd();
        Filters f =
                new Filters()
                        .eq("environment", environment)
                        .raw("status <> :removed", "removed", HardwareStatus.REMOVED)
                        .raw("discontinued = false");
        List<MaintenanceRisk> risks = new ArrayList<>();
        for (Hardware h : repository.list(f.query("id"), f.params())) {
            if (h.maintenanceDeadline == null) {
                risks.add(
                        new MaintenanceRisk(
                                h.id,
                                h.name,
                                h.serialNumber,
                                h.environment,
                                null,
                                leaseEnd,
                                null,
                                "no maintenance deadline (保守期限) recorded",
                                contract.asOf(),
                                contract.stale()));
            } else if (h.maintenanceDeadline.isBefore(leaseEnd)) {
                risks.add(
                        new MaintenanceRisk(
                                h.id,
                                h.name,
                                h.serialNumber,
                                h.environment,
                                h.maintenanceDeadline,
                                leaseEnd,
                                ChronoUnit.DAYS.between(h.maintenanceDeadline, leaseEnd),
                                "maintenance ends before the lease ends",
                                contract.asOf(),
                                contract.stale()));
            }
        }
        return new ContractReport<>(Lists.page(risks, page), contract);
    }

    private void apply(Hardware h, HardwareInput input, Lookups lookups) {
        if (input.condition() != Condition.NEW) {
            throw ProblemException.rule(
                    Condition.RULE,
                    "leased equipment must be new, never second-hand (§10.3(1)); condition "
                            + input.condition()
                            + " is refused");
        }
        lookups.hardwareWithSerial(input.serialNumber().trim())
                .filter(other -> !Objects.equals(other, h.id))
                .ifPresent(
                        other -> {
                            throw ProblemException.conflict(
                                    "serial number "
                                            + input.serialNumber()
                                            + " is already registered",
                                    List.of(
                                            Problem.Conflict.of(
                                                    "hardware",
                                                    String.valueOf(other),
                                                    "same serial number")));
                        });
        String item =
                input.baselineItem() == null || input.baselineItem().isBlank()
                        ? null
                        : input.baselineItem().trim();
        if (item != null && !lookups.baselineLine(item, input.environment())) {
            throw ProblemException.unknownReference(
                    "baselineItem", item + " (" + input.environment() + ")");
        }
        if (input.substituteForId() != null) {
            checkSubstitute(h, input);
        }
        h.name = input.name().trim();
        h.modelNumber = input.modelNumber();
        h.manufacturer = input.manufacturer();
        h.hardwareClass = input.hardwareClass();
        h.contractForm = input.contractForm();
        h.maintenanceDeadline = input.maintenanceDeadline();
        h.serialNumber = input.serialNumber().trim();
        h.environment = input.environment();
        h.rack = input.rack();
        h.rackPosition = input.rackPosition();
        h.condition = input.condition();
        h.baselineItem = item;
        h.discontinued = Boolean.TRUE.equals(input.discontinued());
        h.substituteForId = input.substituteForId();
    }

    /** R-AS-3: a substitute links to a discontinued item and is at least of its class. */
    private void checkSubstitute(Hardware h, HardwareInput input) {
        if (input.substituteForId().equals(h.id)) {
            throw ProblemException.rule("R-AS-3", "an item cannot substitute for itself");
        }
        Hardware replaced =
                repository
                        .findByIdOptional(input.substituteForId())
                        .orElseThrow(
                                () ->
                                        ProblemException.unknownReference(
                                                "substituteForId", input.substituteForId()));
        if (!replaced.discontinued) {
            throw ProblemException.rule(
                    "R-AS-3",
                    "hardware "
                            + replaced.id
                            + " is not marked discontinued; only a discontinued item is replaced by a substitute");
        }
        if (replaced.hardwareClass != input.hardwareClass()) {
            throw ProblemException.rule(
                    "R-AS-3",
                    "a substitute must be equal or better: hardware "
                            + replaced.id
                            + " is "
                            + replaced.hardwareClass
                            + ", the substitute is "
                            + input.hardwareClass());
        }
        if (replaced.environment != input.environment()) {
            throw ProblemException.rule(
                    "R-AS-3",
                    "a substitute replaces an item of its own environment ("
                            + replaced.environment
                            + ")");
        }
        if (replaced.baselineItem != null
                && input.baselineItem() != null
                && !replaced.baselineItem.equals(input.baselineItem().trim())) {
            throw ProblemException.rule(
                    "R-AS-3",
                    "a substitute fills the same baseline line (" + replaced.baselineItem + ")");
        }
    }

    private void checkDeliveryDate(LocalDate deliveredOn) {
        if (deliveredOn != null
                && deliveredOn.isAfter(LocalDate.now(clock.withZone(ClockProducer.JPO_ZONE)))) {
            throw ProblemException.badField("deliveredOn", "lies in the future");
        }
    }
}
