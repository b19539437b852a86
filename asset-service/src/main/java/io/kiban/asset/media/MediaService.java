package io.kiban.asset.media;

import io.kiban.asset.hardware.Hardware;
import io.kiban.asset.hardware.HardwareRepository;
import io.kiban.asset.hardware.HardwareStatus;
import io.kiban.asset.media.MediaDtos.MediumInput;
import io.kiban.asset.media.MediaDtos.MediumView;
import io.kiban.asset.media.MediaDtos.NotDataBearing;
import io.kiban.asset.media.MediaDtos.Removal;
import io.kiban.asset.media.MediaDtos.Replacement;
import io.kiban.asset.media.MediaDtos.ReplacementView;
import io.kiban.asset.media.MediaDtos.UnregisteredPart;
import io.kiban.asset.support.Condition;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.Lifecycle;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data-bearing media per hardware item: installs, removals (kept in history) and part replacements.
 * The ledger, not the vendor, says what bears data (issue 13 hole 1); a medium leaves only through
 * a maintenance replacement or a sanitization order, both service-role calls carrying their
 * reference (hole 2); nothing new enters an environment that is REMOVED or CLOSED (R-RM-1/R-RM-3).
 */
@ApplicationScoped
public class MediaService {

    private final MediaRepository repository;
    private final HardwareRepository hardware;
    private final EntityManager em;
    private final AuditTrail audit;
    private final Lifecycle lifecycle;

    public MediaService(
            MediaRepository repository,
            HardwareRepository hardware,
            EntityManager em,
            AuditTrail audit,
            Lifecycle lifecycle) {
        this.repository = repository;
        this.hardware = hardware;
        this.em = em;
        this.audit = audit;
        this.lifecycle = lifecycle;
        this.queries =
                new Lookups() {
                    @Override
                    public Optional<Registered> mediumWithSerial(String serial) {
                        return repository
                                .findBySerial(serial)
                                .map(m -> new Registered(m.id, m.hardwareId));
                    }

                    @Override
                    public void requireOpen(Environment environment, String what) {
                        lifecycle.requireOpen(environment, what);
                    }
                };
    }

    private final Lookups queries;

    /** A medium of the ledger: its id and the hardware it is (or was) in. */
    public record Registered(long id, long hardwareId) {}

    /**
     * What the checks of an install look up in the ledger: a single-row call queries; a bulk import
     * (issue 18) answers from what it read once for all its rows.
     */
    public interface Lookups {
        /**
         * The medium that has this serial number now, if any (serials are unique across the
         * ledger).
         */
        Optional<Registered> mediumWithSerial(String serial);

        /** R-RM-1/R-RM-3: refuses a write into an environment whose phase is REMOVED or CLOSED. */
        void requireOpen(Environment environment, String what);
    }

    /**
     * Media, optionally of one environment or one hardware item; installed only unless {@code
     * includeRemoved}. Paged like every list (issue 15 item 10): {@code X-Total-Count} says how
     * many there are, a caller that needs them all (the removal gate) walks the pages.
     */
    // #16 §3: a list writes nothing: no JTA transaction (ReadWithoutTransactionTest). The count
    // and the page are two statements, each its own snapshot: a row committed between them can
    // make X-Total-Count differ by one from what paging then finds, as it can between two pages
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MediumView> list(
            Environment environment,
            Long hardwareId,
            boolean includeRemoved,
            Integer page,
            Integer size) {
        StringBuilder jpql =
                new StringBuilder("from Medium m, Hardware h where h.id = m.hardwareId");
        Map<String, Object> params = new HashMap<>();
        if (environment != null) {
            jpql.append(" and h.environment = :env");
            params.put("env", environment);
        }
        if (hardwareId != null) {
            jpql.append(" and m.hardwareId = :hw");
            params.put("hw", hardwareId);
        }
        if (!includeRemoved) {
            jpql.append(" and m.removedOn is null");
        }
        var count = em.createQuery("select count(m) " + jpql, Long.class);
        var select = em.createQuery("select m, h " + jpql + " order by m.id", Object[].class);
        params.forEach(
                (k, v) -> {
                    count.setParameter(k, v);
                    select.setParameter(k, v);
                });
        PageRequest request = PageRequest.of(page, size);
        long offset = (long) request.page() * request.size();
        if (offset > Integer.MAX_VALUE) {
            throw ProblemException.badField(
                    "page",
                    "page × size is beyond any list (at most "
                            + Integer.MAX_VALUE
                            + " rows are skipped)");
        }
        long total = count.getSingleResult();
        select.setFirstResult((int) offset).setMaxResults(request.size());
        List<MediumView> items =
                select.getResultList().stream()
                        .map(row -> view((Medium) row[0], (Hardware) row[1]))
                        .toList();
        return new Page<>(items, total, request);
    }

    // #16 §3: a read by id writes nothing, so no JTA transaction: one SELECT instead of
    // set autocommit=0 · SELECT · COMMIT · set autocommit=1 (ReadWithoutTransactionTest)
    @Transactional(Transactional.TxType.SUPPORTS)
    public MediumView get(long id) {
        Medium m = find(id);
        return view(m, hardware.findById(m.hardwareId));
    }

    @Transactional
    public MediumView install(long hardwareId, MediumInput input) {
        return installed(hardwareFor(hardwareId), input, queries, true);
    }

    /**
     * {@link #install} into an item a bulk import holds (issue 18): the same checks, answered by
     * {@code lookups}; not flushed (the id comes from a sequence), so the import writes in JDBC
     * batches. A refusal does not mark the import's transaction: the import lists every bad row,
     * then rolls back as a whole.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public MediumView installInBulk(Hardware h, MediumInput input, Lookups lookups) {
        requireNotRemoved(h);
        return installed(h, input, lookups, false);
    }

    private MediumView installed(Hardware h, MediumInput input, Lookups lookups, boolean flush) {
        lookups.requireOpen(h.environment, "a new medium");
        requireNew(input.condition(), "a data-bearing part must be new (§10.3(1))");
        Medium m =
                persistNew(
                        new Medium(),
                        h,
                        input.kind(),
                        input.serial(),
                        input.make(),
                        input.model(),
                        input.condition(),
                        input.installedOn(),
                        lookups,
                        flush);
        MediumView view = view(m, h);
        audit.append("install", "medium", m.id, view);
        return view;
    }

    /**
     * jpo-admin records a part that a maintenance swap found in the hardware but the ledger never
     * listed: a medium of origin UNREGISTERED_PART (data-bearing, condition and installation date
     * unknown). The gap stays visible in the list, the change history, the audit trail and the
     * standard sheet.
     */
    @Transactional
    public MediumView recordUnregistered(long hardwareId, UnregisteredPart part) {
        Hardware h = hardwareFor(hardwareId);
        lifecycle.requireOpen(h.environment, "an unregistered part");
        Medium m = new Medium();
        m.origin = MediumOrigin.UNREGISTERED_PART;
        m.originReason = part.reason().trim();
        m =
                persistNew(
                        m,
                        h,
                        part.kind(),
                        part.serial(),
                        part.make(),
                        part.model(),
                        null,
                        null,
                        queries,
                        true);
        MediumView view = view(m, h);
        audit.append("record-unregistered-part", "medium", m.id, view);
        return view;
    }

    /**
     * jpo-admin declares a ledger medium not data-bearing, with a reason (audited, in the change
     * history). A medium that already left the ledger keeps what it was (409): its custody was
     * decided when it left.
     */
    @Transactional
    public MediumView declareNotDataBearing(
            long mediumId, String ifMatch, NotDataBearing declaration) {
        Medium m = find(mediumId);
        ETags.check(ifMatch, m.version);
        if (m.removedOn != null) {
            throw ProblemException.conflict(
                    "medium "
                            + m.serialNumber
                            + " left the ledger on "
                            + m.removedOn
                            + "; whether it bore data was settled then",
                    List.of(
                            Problem.Conflict.of(
                                    "medium", m.serialNumber, "removed on " + m.removedOn)));
        }
        if (!m.dataBearing) {
            throw ProblemException.conflict(
                    "medium " + m.serialNumber + " is already declared not data-bearing",
                    List.of(Problem.Conflict.of("medium", m.serialNumber, "not data-bearing")));
        }
        m.dataBearing = false;
        m.notDataBearingReason = declaration.reason().trim();
        repository.flush();
        MediumView view = view(m, hardware.findById(m.hardwareId));
        audit.append("declare-not-data-bearing", "medium", m.id, view);
        return view;
    }

    @Transactional
    public MediumView remove(long mediumId, String ifMatch, Removal removal) {
        Medium m = find(mediumId);
        ETags.check(ifMatch, m.version);
        if (m.removedOn != null) {
            throw ProblemException.conflict(
                    "medium " + m.serialNumber + " was already removed on " + m.removedOn,
                    List.of(
                            Problem.Conflict.of(
                                    "medium", m.serialNumber, "removed on " + m.removedOn)));
        }
        checkRemovalDate(m, removal.removedOn());
        m.removedOn = removal.removedOn();
        m.removalReference = removal.reference().trim();
        m.removalVia = RemovalVia.SANITIZATION_ORDER;
        repository.flush();
        MediumView view = view(m, hardware.findById(m.hardwareId));
        audit.append("remove", "medium", m.id, view);
        return view;
    }

    /**
     * The maintenance-service part swap: one transaction removes the old medium and installs the
     * new one.
     */
    @Transactional
    public ReplacementView replace(long hardwareId, Replacement r) {
        Hardware h = hardwareFor(hardwareId);
        lifecycle.requireOpen(h.environment, "a media replacement");
        Medium old =
                repository
                        .find(
                                "hardwareId = ?1 and serialNumber = ?2",
                                hardwareId,
                                r.removedSerial().trim())
                        .firstResultOptional()
                        .orElseThrow(
                                () ->
                                        ProblemException.unknownReference(
                                                "removedSerial",
                                                r.removedSerial()
                                                        + " (in hardware "
                                                        + hardwareId
                                                        + ")"));
        if (old.removedOn != null) {
            throw ProblemException.conflict(
                    "medium " + old.serialNumber + " was already removed on " + old.removedOn,
                    List.of(
                            Problem.Conflict.of(
                                    "medium", old.serialNumber, "removed on " + old.removedOn)));
        }
        if (r.installed().condition() != Condition.NEW) {
            throw ProblemException.rule(
                    Condition.RULE,
                    "a part that replaces another must be new (§10.3(1)); "
                            + "condition "
                            + r.installed().condition()
                            + " is refused");
        }
        checkRemovalDate(old, r.replacedOn());
        var in = r.installed();
        Medium installed =
                newMedium(
                        h,
                        in.kind(),
                        in.serial(),
                        in.make(),
                        in.model(),
                        in.condition(),
                        r.replacedOn());
        old.removedOn = r.replacedOn();
        old.removalReference = r.reference().trim();
        old.removalVia = RemovalVia.REPLACEMENT;
        old.replacedById = installed.id;
        repository.flush();
        ReplacementView view = new ReplacementView(h.id, view(old, h), view(installed, h));
        audit.append("replace", "medium", old.id, view);
        return view;
    }

    private static void requireNew(Condition condition, String why) {
        if (condition != Condition.NEW) {
            throw ProblemException.rule(
                    Condition.RULE, why + "; condition " + condition + " is refused");
        }
    }

    private Medium newMedium(
            Hardware h,
            MediumKind kind,
            String serial,
            String make,
            String model,
            Condition condition,
            LocalDate installedOn) {
        requireNew(condition, "a data-bearing part must be new (§10.3(1))");
        return persistNew(
                new Medium(), h, kind, serial, make, model, condition, installedOn, queries, true);
    }

    private Medium persistNew(
            Medium m,
            Hardware h,
            MediumKind kind,
            String serial,
            String make,
            String model,
            Condition condition,
            LocalDate installedOn,
            Lookups lookups,
            boolean flush) {
        String s = serial.trim();
        lookups.mediumWithSerial(s)
                .ifPresent(
                        other -> {
                            throw ProblemException.conflict(
                                    "medium serial " + s + " is already registered",
                                    List.of(
                                            Problem.Conflict.of(
                                                    "medium",
                                                    String.valueOf(other.id()),
                                                    "same serial, in hardware "
                                                            + other.hardwareId())));
                        });
        m.hardwareId = h.id;
        m.kind = kind;
        m.serialNumber = s;
        m.make = make;
        m.model = model;
        m.condition = condition;
        m.installedOn = installedOn;
        repository.persist(m);
        if (flush) {
            repository.flush();
        }
        return m;
    }

    private static void checkRemovalDate(Medium m, LocalDate removedOn) {
        if (m.installedOn != null && removedOn.isBefore(m.installedOn)) {
            throw ProblemException.badField(
                    "removedOn", "is before the medium was installed (" + m.installedOn + ")");
        }
    }

    private Hardware hardwareFor(long hardwareId) {
        Hardware h =
                hardware.findByIdOptional(hardwareId)
                        .orElseThrow(() -> ProblemException.notFound("hardware", hardwareId));
        requireNotRemoved(h);
        return h;
    }

    private static void requireNotRemoved(Hardware h) {
        if (h.status == HardwareStatus.REMOVED) {
            throw ProblemException.conflict(
                    "hardware " + h.id + " was removed; nothing can be installed in it",
                    List.of(Problem.Conflict.of("hardware", String.valueOf(h.id), "REMOVED")));
        }
    }

    private Medium find(long id) {
        return repository
                .findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("medium", id));
    }

    public static MediumView view(Medium m, Hardware h) {
        boolean withoutReference =
                m.removedOn != null
                        && (m.removalReference == null
                                || m.removalReference.isBlank()
                                || m.removalVia == null);
        return new MediumView(
                m.id,
                m.hardwareId,
                h == null ? null : h.serialNumber,
                h == null ? null : h.environment,
                m.kind,
                m.serialNumber,
                m.make,
                m.model,
                m.condition,
                m.installedOn,
                m.removedOn,
                m.removalReference,
                m.removalVia,
                m.replacedById,
                m.removedOn == null,
                m.dataBearing,
                m.notDataBearingReason,
                m.origin,
                m.originReason,
                withoutReference,
                m.version);
    }
}
