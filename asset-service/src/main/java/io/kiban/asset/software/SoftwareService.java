package io.kiban.asset.software;

import io.kiban.asset.hardware.HardwareRepository;
import io.kiban.asset.software.SoftwareDtos.Drift;
import io.kiban.asset.software.SoftwareDtos.RiskLevel;
import io.kiban.asset.software.SoftwareDtos.SoftwareInput;
import io.kiban.asset.software.SoftwareDtos.SoftwareView;
import io.kiban.asset.software.SoftwareDtos.SupportRisk;
import io.kiban.asset.support.AssetConfig;
import io.kiban.asset.support.ContractReport;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.Filters;
import io.kiban.asset.support.Lifecycle;
import io.kiban.asset.support.Lists;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.time.ClockProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sheet 2 (ソフトウェア): installed software, R-AS-4 support deadlines and version drift between
 * environments.
 */
@ApplicationScoped
public class SoftwareService {

    private final SoftwareRepository repository;
    private final HardwareRepository hardware;
    private final EntityManager em;
    private final AuditTrail audit;
    private final AssetConfig config;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private final SupportDeadlines eol;

    public SoftwareService(
            SoftwareRepository repository,
            HardwareRepository hardware,
            EntityManager em,
            AuditTrail audit,
            AssetConfig config,
            Lifecycle lifecycle,
            Clock clock,
            SupportDeadlines eol) {
        this.eol = eol;
        this.lifecycle = lifecycle;
        this.repository = repository;
        this.hardware = hardware;
        this.em = em;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    // #16 §3: a list writes nothing: no JTA transaction (ReadWithoutTransactionTest). The count
    // and the page are two statements, each its own snapshot: a row committed between them can
    // make X-Total-Count differ by one from what paging then finds, as it can between two pages
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SoftwareView> list(
            Environment environment,
            Long hardwareId,
            SoftwareClass softwareClass,
            String name,
            String sbomSubject,
            PageRequest page) {
        Filters f =
                new Filters()
                        .eq("environment", environment)
                        .eq("hardwareId", hardwareId)
                        .eq("softwareClass", softwareClass)
                        .eq("sbomSubject", sbomSubject);
        if (name != null && !name.isBlank()) {
            f.raw(
                    "name like :name",
                    "name",
                    name.trim().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var query = repository.find(f.query("name, id"), f.params());
        long total = query.count();
        return new Page<>(
                query.page(page.page(), page.size()).list().stream().map(SoftwareView::of).toList(),
                total,
                page);
    }

    // #16 §3: a read by id writes nothing, so no JTA transaction: one SELECT instead of
    // set autocommit=0 · SELECT · COMMIT · set autocommit=1 (ReadWithoutTransactionTest)
    @Transactional(Transactional.TxType.SUPPORTS)
    public SoftwareView get(long id) {
        return SoftwareView.of(find(id));
    }

    @Transactional
    public SoftwareView create(SoftwareInput input) {
        Software s = new Software();
        apply(s, input, this::hardwareEnvironment);
        repository.persist(s);
        eol.applyStoredCycles(List.of(s));
        repository.flush();
        SoftwareView view = SoftwareView.of(s);
        audit.append("create", "software", s.id, view);
        return view;
    }

    /**
     * What the checks and the end-of-life of a write look up: a single-row call queries; a bulk
     * import (issue 18) answers from what it read once for all its rows.
     */
    public interface Lookups {
        /** The environment of hardware {@code id}, empty when there is no such hardware. */
        Optional<Environment> hardwareEnvironment(long id);

        /**
         * The stored end-of-life cycles, read once for the import ({@link
         * SupportDeadlines#storedCycles()}).
         */
        SupportDeadlines.Batch storedCycles();
    }

    /**
     * {@link #create} for a bulk import (issue 18): the same checks and stored cycles, answered by
     * {@code lookups}; not flushed (the id comes from a sequence), so the import writes in JDBC
     * batches. A refusal does not mark the import's transaction: the import lists every bad row,
     * then rolls back as a whole.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public SoftwareView createInBulk(SoftwareInput input, Lookups lookups) {
        Software s = new Software();
        apply(s, input, lookups::hardwareEnvironment);
        repository.persist(s);
        lookups.storedCycles().applyTo(s);
        SoftwareView view = SoftwareView.of(s);
        audit.append("create", "software", s.id, view);
        return view;
    }

    @Transactional
    public SoftwareView update(long id, String ifMatch, SoftwareInput input) {
        Software s = find(id);
        ETags.check(ifMatch, s.version);
        apply(s, input, this::hardwareEnvironment);
        eol.applyStoredCycles(List.of(s));
        repository.flush();
        SoftwareView view = SoftwareView.of(s);
        audit.append("update", "software", s.id, view);
        return view;
    }

    /**
     * {@link #update} of a row a bulk import read (issue 18): the same checks, answered by {@code
     * lookups}.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public SoftwareView updateInBulk(
            Software s, String ifMatch, SoftwareInput input, Lookups lookups) {
        ETags.check(ifMatch, s.version);
        apply(s, input, lookups::hardwareEnvironment);
        lookups.storedCycles().applyTo(s);
        repository.flush();
        SoftwareView view = SoftwareView.of(s);
        audit.append("update", "software", s.id, view);
        return view;
    }

    private Optional<Environment> hardwareEnvironment(long id) {
        return hardware.findByIdOptional(id).map(h -> h.environment);
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        Software s = find(id);
        ETags.check(ifMatch, s.version);
        repository.delete(s);
        audit.append("delete", "software", id, null);
    }

    /**
     * R-AS-4: software whose support has ended or ends before the contract does, with days left;
     * WARNING marks what ends inside the warning horizon. Today comes from the injected clock (JPO
     * time). The contract end is lifecycle-service's contract as amended (issue 14 item 9): the
     * last copy, marked stale, when lifecycle is down; 503 with no copy.
     */
    // #16 §3: a read; lifecycle-service is asked outside any transaction, so a slow or dead
    // lifecycle never holds a connection enlisted in one (a transaction that timed out around the
    // call failed the report with "Enlisted connection used without active transaction")
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContractReport<SupportRisk> supportRisks(
            Environment environment, boolean includeUnknown, PageRequest page) {
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.JPO_ZONE));
        Lifecycle.Contract contract = lifecycle.contract();
        LocalDate contractEnd = contract.contractEnd();
        Filters f = new Filters().eq("environment", environment);
        f.raw(
                includeUnknown
                        ? "(supportEnded = true or supportDeadline is null or supportDeadline < :end"
                                + " or supportConflict is not null)"
                        : "(supportEnded = true or supportDeadline < :end or supportConflict is not null)",
                "end",
                contractEnd);
        List<SupportRisk> risks = new ArrayList<>();
        for (Software s :
                repository.list(
                        f.query(
                                "case when supportDeadline is null and supportEnded = false then 1 else 0 end, supportDeadline, name, id"),
                        f.params())) {
            Long daysLeft =
                    s.supportDeadline == null
                            ? null
                            : ChronoUnit.DAYS.between(today, s.supportDeadline);
            RiskLevel level;
            if (s.supportEnded || (daysLeft != null && daysLeft < 0)) {
                level = RiskLevel.ENDED;
            } else if (daysLeft == null) {
                level = RiskLevel.UNKNOWN;
            } else if (daysLeft <= config.supportWarningDays()) {
                level = RiskLevel.WARNING;
            } else {
                level = RiskLevel.BEFORE_CONTRACT_END;
            }
            risks.add(
                    new SupportRisk(
                            s.id,
                            s.name,
                            s.edition,
                            s.productVersion,
                            s.environment,
                            s.installedOn,
                            s.hardwareId,
                            s.host,
                            s.supportDeadline,
                            daysLeft,
                            level,
                            contractEnd,
                            s.supportSource,
                            contract.asOf(),
                            contract.stale(),
                            s.supportConflict));
        }
        return new ContractReport<>(Lists.page(risks, page), contract);
    }

    /** Products (name + edition) whose set of versions differs between PRODUCTION and STAGING. */
    @Transactional
    public List<Drift> drift() {
        List<Object[]> rows =
                em.createQuery(
                                "select distinct s.name, s.edition, s.environment, s.productVersion "
                                        + "from Software s where s.environment in (:envs)",
                                Object[].class)
                        .setParameter("envs", List.of(Environment.PRODUCTION, Environment.STAGING))
                        .getResultList();
        Map<String, Object[]> products = new TreeMap<>();
        Map<String, TreeSet<String>> prod = new TreeMap<>();
        Map<String, TreeSet<String>> stag = new TreeMap<>();
        for (Object[] r : rows) {
            String key = r[0] + "\u0000" + (r[1] == null ? "" : r[1]);
            products.putIfAbsent(key, r);
            String v = r[3] == null ? "" : (String) r[3];
            (r[2] == Environment.PRODUCTION ? prod : stag)
                    .computeIfAbsent(key, k -> new TreeSet<>())
                    .add(v);
        }
        List<Drift> drift = new ArrayList<>();
        products.forEach(
                (key, r) -> {
                    TreeSet<String> p = prod.getOrDefault(key, new TreeSet<>());
                    TreeSet<String> s = stag.getOrDefault(key, new TreeSet<>());
                    if (!p.equals(s)) {
                        drift.add(
                                new Drift(
                                        (String) r[0],
                                        (String) r[1],
                                        List.copyOf(p),
                                        List.copyOf(s)));
                    }
                });
        return drift;
    }

    private void apply(
            Software s,
            SoftwareInput input,
            java.util.function.LongFunction<Optional<Environment>> hardwareEnvironment) {
        Environment environment = input.environment();
        if (input.installedOn() == InstalledOn.HARDWARE) {
            if (input.hardwareId() == null) {
                throw ProblemException.badField(
                        "hardwareId", "is required when installedOn is HARDWARE");
            }
            Environment where =
                    hardwareEnvironment
                            .apply(input.hardwareId())
                            .orElseThrow(
                                    () ->
                                            ProblemException.unknownReference(
                                                    "hardwareId", input.hardwareId()));
            if (environment != null && environment != where) {
                throw ProblemException.badField(
                        "environment", "hardware " + input.hardwareId() + " is in " + where);
            }
            environment = where;
        } else {
            if (input.host() == null || input.host().isBlank()) {
                throw ProblemException.badField(
                        "host",
                        "names the cluster or VM when installedOn is " + input.installedOn());
            }
            if (environment == null) {
                throw ProblemException.badField(
                        "environment", "is required when installedOn is " + input.installedOn());
            }
            if (input.hardwareId() != null
                    && hardwareEnvironment.apply(input.hardwareId()).isEmpty()) {
                throw ProblemException.unknownReference("hardwareId", input.hardwareId());
            }
        }
        s.name = input.name().trim();
        s.edition = input.edition();
        s.productVersion = input.version();
        s.softwareClass = input.softwareClass();
        s.contractForm = input.contractForm();
        s.licenseForm = input.licenseForm();
        if (!Objects.equals(s.supportDeadline, input.supportDeadline())
                || !Objects.equals(s.activeSupportUntil, input.activeSupportUntil())) {
            s.supportDeadline = input.supportDeadline();
            s.activeSupportUntil = input.activeSupportUntil();
            s.supportEnded = false;
            s.supportSource = input.supportDeadline() == null ? null : "manual";
            s.supportConflict = null;
            s.supportAsOf =
                    input.supportDeadline() == null
                            ? null
                            : LocalDate.now(clock.withZone(ClockProducer.JPO_ZONE));
        }
        s.installedOn = input.installedOn();
        s.hardwareId = input.hardwareId();
        s.host = input.host();
        s.environment = environment;
        s.purl = input.purl();
        s.cpe = input.cpe();
        s.licenses = input.licenses();
    }

    private Software find(long id) {
        return repository
                .findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("software", id));
    }
}
