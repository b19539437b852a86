package io.kiban.asset.rack;

import io.kiban.asset.hardware.Hardware;
import io.kiban.asset.ledger.LedgerCategories;
import io.kiban.asset.rack.RackDtos.PositionInput;
import io.kiban.asset.rack.RackDtos.PositionView;
import io.kiban.asset.rack.RackDtos.RackInput;
import io.kiban.asset.rack.RackDtos.RackView;
import io.kiban.asset.support.LedgerStore;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The racks of a facility and the rack positions of hardware items: one item per unit range (an
 * overlap is a 409 naming the item already there), one place per item. Placements in a rack are
 * serialised by a lock on the rack row.
 */
@ApplicationScoped
public class RackService implements io.kiban.asset.ledger.FacilityRemoval {

    private final EntityManager em;
    private final AuditTrail audit;
    private final LedgerStore ledger;

    public RackService(EntityManager em, AuditTrail audit, LedgerStore ledger) {
        this.em = em;
        this.audit = audit;
        this.ledger = ledger;
    }

    @Transactional
    public List<RackView> racks(long facilityId) {
        ledger.find(LedgerCategories.FACILITIES, facilityId);
        return em
                .createQuery(
                        "from Rack r where r.facilityId = :f order by r.name, r.id", Rack.class)
                .setParameter("f", facilityId)
                .getResultList()
                .stream()
                .map(RackView::of)
                .toList();
    }

    @Transactional
    public RackView rack(long facilityId, long rackId) {
        return RackView.of(find(facilityId, rackId));
    }

    @Transactional
    public RackView addRack(long facilityId, RackInput input) {
        ledger.find(LedgerCategories.FACILITIES, facilityId);
        Rack r = new Rack();
        r.facilityId = facilityId;
        apply(r, input);
        em.persist(r);
        em.flush();
        RackView view = RackView.of(r);
        audit.append("create", "rack", r.id, view);
        return view;
    }

    @Transactional
    public RackView updateRack(long facilityId, long rackId, String ifMatch, RackInput input) {
        Rack r = find(facilityId, rackId);
        ETags.check(ifMatch, r.version);
        positionsOf(r.id).stream()
                .filter(p -> p.topUnit() > input.heightUnits())
                .findFirst()
                .ifPresent(
                        p -> {
                            throw ProblemException.conflict(
                                    "rack "
                                            + r.name
                                            + " would be lower than the items mounted in it",
                                    List.of(conflict(p)));
                        });
        apply(r, input);
        em.flush();
        RackView view = RackView.of(r);
        audit.append("update", "rack", r.id, view);
        return view;
    }

    @Transactional
    public void deleteRack(long facilityId, long rackId, String ifMatch) {
        Rack r = find(facilityId, rackId);
        ETags.check(ifMatch, r.version);
        List<RackPosition> mounted = positionsOf(r.id);
        if (!mounted.isEmpty()) {
            throw ProblemException.conflict(
                    "rack " + r.name + " still holds hardware",
                    mounted.stream().map(this::conflict).toList());
        }
        em.remove(r);
        em.flush();
        audit.append("delete", "rack", rackId, null);
    }

    /** A facility is deleted only when it has no racks left (409 naming them). */
    @Override
    @Transactional
    public void deleteFacility(long facilityId, String ifMatch) {
        ETags.check(ifMatch, ledger.get(LedgerCategories.FACILITIES, facilityId).version());
        List<Problem.Conflict> racks =
                em
                        .createQuery(
                                "from Rack r where r.facilityId = :f order by r.id", Rack.class)
                        .setParameter("f", facilityId)
                        .getResultList()
                        .stream()
                        .map(
                                r ->
                                        Problem.Conflict.of(
                                                "rack",
                                                String.valueOf(r.id),
                                                r.name + " is in this facility"))
                        .toList();
        if (!racks.isEmpty()) {
            throw ProblemException.conflict("facility " + facilityId + " still has racks", racks);
        }
        ledger.delete(LedgerCategories.FACILITIES, facilityId, ifMatch);
    }

    @Transactional
    public List<PositionView> positions(long facilityId, long rackId) {
        Rack r = find(facilityId, rackId);
        return positionsOf(r.id).stream().map(p -> view(p, r)).toList();
    }

    @Transactional
    public PositionView place(long facilityId, long rackId, PositionInput input) {
        Rack r = find(facilityId, rackId);
        em.lock(r, LockModeType.PESSIMISTIC_WRITE);
        Hardware h = em.find(Hardware.class, input.hardwareId());
        if (h == null) {
            throw ProblemException.notFound("hardware", input.hardwareId());
        }
        RackPosition p = new RackPosition();
        p.rackId = r.id;
        p.hardwareId = h.id;
        p.bottomUnit = input.bottomUnit();
        p.heightUnits = input.heightUnits() == null ? 1 : input.heightUnits();
        if (p.topUnit() > r.heightUnits) {
            throw ProblemException.badField(
                    "heightUnits",
                    "U"
                            + p.bottomUnit
                            + "-U"
                            + p.topUnit()
                            + " does not fit rack "
                            + r.name
                            + " ("
                            + r.heightUnits
                            + "U)");
        }
        em.createQuery("from RackPosition p where p.hardwareId = :h", RackPosition.class)
                .setParameter("h", h.id)
                .getResultList()
                .forEach(
                        other -> {
                            throw ProblemException.conflict(
                                    "hardware " + h.serialNumber + " is already mounted",
                                    List.of(conflict(other)));
                        });
        List<Problem.Conflict> overlaps =
                positionsOf(r.id).stream()
                        .filter(o -> o.bottomUnit <= p.topUnit() && p.bottomUnit <= o.topUnit())
                        .map(this::conflict)
                        .toList();
        if (!overlaps.isEmpty()) {
            throw ProblemException.conflict(
                    "units " + units(p) + " of rack " + r.name + " are taken", overlaps);
        }
        em.persist(p);
        em.flush();
        PositionView view = view(p, r);
        audit.append("mount", "rack-position", p.id, view);
        return view;
    }

    @Transactional
    public void unmount(long facilityId, long rackId, long positionId, String ifMatch) {
        Rack r = find(facilityId, rackId);
        RackPosition p = em.find(RackPosition.class, positionId);
        if (p == null || !p.rackId.equals(r.id)) {
            throw ProblemException.notFound("rack position", positionId);
        }
        ETags.check(ifMatch, p.version);
        em.remove(p);
        em.flush();
        audit.append("unmount", "rack-position", positionId, null);
    }

    /** Every rack position with its rack name and item serial, for the exports. */
    @Transactional
    public List<PositionView> allPositions() {
        return em
                .createQuery(
                        "select p, r from RackPosition p, Rack r where r.id = p.rackId order by r.id, p.bottomUnit",
                        Object[].class)
                .getResultList()
                .stream()
                .map(o -> view((RackPosition) o[0], (Rack) o[1]))
                .toList();
    }

    private Rack find(long facilityId, long rackId) {
        Rack r = em.find(Rack.class, rackId);
        if (r == null || !r.facilityId.equals(facilityId)) {
            throw ProblemException.notFound("rack", rackId);
        }
        return r;
    }

    private void apply(Rack r, RackInput input) {
        em.createQuery(
                        "from Rack r where r.facilityId = :f and r.name = :n and r.id <> :id",
                        Rack.class)
                .setParameter("f", r.facilityId)
                .setParameter("n", input.name())
                .setParameter("id", r.id == null ? -1L : r.id)
                .getResultList()
                .forEach(
                        other -> {
                            throw ProblemException.conflict(
                                    "the facility already has a rack named " + input.name(),
                                    List.of(
                                            Problem.Conflict.of(
                                                    "rack", String.valueOf(other.id), other.name)));
                        });
        r.name = input.name();
        r.heightUnits = input.heightUnits();
        r.note = input.note();
    }

    private List<RackPosition> positionsOf(long rackId) {
        return em.createQuery(
                        "from RackPosition p where p.rackId = :r order by p.bottomUnit",
                        RackPosition.class)
                .setParameter("r", rackId)
                .getResultList();
    }

    private PositionView view(RackPosition p, Rack r) {
        Hardware h = em.find(Hardware.class, p.hardwareId);
        return new PositionView(
                p.id,
                r.id,
                r.name,
                p.hardwareId,
                h == null ? null : h.serialNumber,
                p.bottomUnit,
                p.topUnit(),
                units(p),
                p.version);
    }

    private Problem.Conflict conflict(RackPosition p) {
        Hardware h = em.find(Hardware.class, p.hardwareId);
        return Problem.Conflict.of(
                "hardware",
                String.valueOf(p.hardwareId),
                (h == null ? "" : h.serialNumber + " ")
                        + "is mounted at "
                        + units(p)
                        + " (rack position "
                        + p.id
                        + ")");
    }

    static String units(RackPosition p) {
        return p.heightUnits == 1 ? "U" + p.bottomUnit : "U" + p.bottomUnit + "-U" + p.topUnit();
    }
}
