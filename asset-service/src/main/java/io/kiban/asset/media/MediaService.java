package io.kiban.asset.media;

import io.kiban.asset.hardware.Hardware;
import io.kiban.asset.hardware.HardwareRepository;
import io.kiban.asset.hardware.HardwareStatus;
import io.kiban.asset.media.MediaDtos.MediumInput;
import io.kiban.asset.media.MediaDtos.MediumView;
import io.kiban.asset.media.MediaDtos.Removal;
import io.kiban.asset.media.MediaDtos.Replacement;
import io.kiban.asset.media.MediaDtos.ReplacementView;
import io.kiban.asset.support.Condition;
import io.kiban.asset.support.Environment;
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

/** Data-bearing media per hardware item: installs, removals (kept in history) and part replacements. */
@ApplicationScoped
public class MediaService {

    private final MediaRepository repository;
    private final HardwareRepository hardware;
    private final EntityManager em;
    private final AuditTrail audit;

    public MediaService(MediaRepository repository, HardwareRepository hardware, EntityManager em, AuditTrail audit) {
        this.repository = repository;
        this.hardware = hardware;
        this.em = em;
        this.audit = audit;
    }

    /**
     * Media, optionally of one environment or one hardware item; installed only unless
     * {@code includeRemoved}. Without a page request every match is returned (the removal gate
     * must see them all).
     */
    @Transactional
    public Page<MediumView> list(Environment environment, Long hardwareId, boolean includeRemoved, Integer page,
            Integer size) {
        StringBuilder jpql = new StringBuilder("from Medium m, Hardware h where h.id = m.hardwareId");
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
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        long total = count.getSingleResult();
        PageRequest request;
        if (page == null && size == null) {
            request = new PageRequest(0, (int) Math.max(1, Math.min(Integer.MAX_VALUE, total)));
        } else {
            request = PageRequest.of(page, size);
            select.setFirstResult(request.offset()).setMaxResults(request.size());
        }
        List<MediumView> items = select.getResultList().stream()
                .map(row -> view((Medium) row[0], (Hardware) row[1])).toList();
        return new Page<>(items, total, request);
    }

    @Transactional
    public MediumView get(long id) {
        Medium m = find(id);
        return view(m, hardware.findById(m.hardwareId));
    }

    @Transactional
    public MediumView install(long hardwareId, MediumInput input) {
        Hardware h = hardwareFor(hardwareId);
        Medium m = newMedium(h, input.kind(), input.serial(), input.make(), input.model(), input.condition(),
                input.installedOn());
        MediumView view = view(m, h);
        audit.append("install", "medium", m.id, view);
        return view;
    }

    @Transactional
    public MediumView remove(long mediumId, String ifMatch, Removal removal) {
        Medium m = find(mediumId);
        ETags.check(ifMatch, m.version);
        if (m.removedOn != null) {
            throw ProblemException.conflict("medium " + m.serialNumber + " was already removed on " + m.removedOn,
                    List.of(Problem.Conflict.of("medium", m.serialNumber, "removed on " + m.removedOn)));
        }
        checkRemovalDate(m, removal.removedOn());
        m.removedOn = removal.removedOn();
        m.removalReference = removal.reference();
        repository.flush();
        MediumView view = view(m, hardware.findById(m.hardwareId));
        audit.append("remove", "medium", m.id, view);
        return view;
    }

    /** The maintenance-service part swap: one transaction removes the old medium and installs the new one. */
    @Transactional
    public ReplacementView replace(long hardwareId, Replacement r) {
        Hardware h = hardwareFor(hardwareId);
        Medium old = repository.find("hardwareId = ?1 and serialNumber = ?2", hardwareId, r.removedSerial().trim())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.unknownReference("removedSerial",
                        r.removedSerial() + " (in hardware " + hardwareId + ")"));
        if (old.removedOn != null) {
            throw ProblemException.conflict("medium " + old.serialNumber + " was already removed on " + old.removedOn,
                    List.of(Problem.Conflict.of("medium", old.serialNumber, "removed on " + old.removedOn)));
        }
        if (r.installed().condition() != Condition.NEW) {
            throw ProblemException.rule(Condition.RULE, "a part that replaces another must be new (§10.3(1)); "
                    + "condition " + r.installed().condition() + " is refused");
        }
        checkRemovalDate(old, r.replacedOn());
        var in = r.installed();
        Medium installed = newMedium(h, in.kind(), in.serial(), in.make(), in.model(), in.condition(), r.replacedOn());
        old.removedOn = r.replacedOn();
        old.removalReference = r.reference();
        old.replacedById = installed.id;
        repository.flush();
        ReplacementView view = new ReplacementView(h.id, view(old, h), view(installed, h));
        audit.append("replace", "medium", old.id, view);
        return view;
    }

    private Medium newMedium(Hardware h, MediumKind kind, String serial, String make, String model,
            Condition condition, LocalDate installedOn) {
        if (condition != Condition.NEW) {
            throw ProblemException.rule(Condition.RULE, "a data-bearing part must be new (§10.3(1)); condition "
                    + condition + " is refused");
        }
        String s = serial.trim();
        repository.findBySerial(s).ifPresent(other -> {
            throw ProblemException.conflict("medium serial " + s + " is already registered",
                    List.of(Problem.Conflict.of("medium", String.valueOf(other.id), "same serial, in hardware "
                            + other.hardwareId)));
        });
        Medium m = new Medium();
        m.hardwareId = h.id;
        m.kind = kind;
        m.serialNumber = s;
        m.make = make;
        m.model = model;
        m.condition = condition;
        m.installedOn = installedOn;
        repository.persist(m);
        repository.flush();
        return m;
    }

    private static void checkRemovalDate(Medium m, LocalDate removedOn) {
        if (m.installedOn != null && removedOn.isBefore(m.installedOn)) {
            throw ProblemException.badField("removedOn", "is before the medium was installed (" + m.installedOn + ")");
        }
    }

    private Hardware hardwareFor(long hardwareId) {
        Hardware h = hardware.findByIdOptional(hardwareId)
                .orElseThrow(() -> ProblemException.notFound("hardware", hardwareId));
        if (h.status == HardwareStatus.REMOVED) {
            throw ProblemException.conflict("hardware " + hardwareId + " was removed; nothing can be installed in it",
                    List.of(Problem.Conflict.of("hardware", String.valueOf(hardwareId), "REMOVED")));
        }
        return h;
    }

    private Medium find(long id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("medium", id));
    }

    public static MediumView view(Medium m, Hardware h) {
        return new MediumView(m.id, m.hardwareId, h == null ? null : h.serialNumber, h == null ? null : h.environment,
                m.kind, m.serialNumber, m.make, m.model, m.condition, m.installedOn, m.removedOn, m.removalReference,
                m.replacedById, m.removedOn == null, m.version);
    }
}
