package io.kiban.maintenance.custody;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.maintenance.custody.CustodyDtos.EventView;
import io.kiban.maintenance.custody.CustodyDtos.EvidenceStatus;
import io.kiban.maintenance.custody.CustodyDtos.HandoverInput;
import io.kiban.maintenance.custody.CustodyDtos.ItemDetail;
import io.kiban.maintenance.custody.CustodyDtos.ItemView;
import io.kiban.maintenance.custody.CustodyDtos.LogMediumInput;
import io.kiban.maintenance.support.Access;
import io.kiban.maintenance.support.AssetGateway;
import io.kiban.maintenance.support.LifecycleGateway;
import io.kiban.maintenance.ticket.FaultClass;
import io.kiban.maintenance.ticket.Ticket;
import io.kiban.maintenance.ticket.TicketService;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Custody chains of data-bearing media (R-MT-2, R-MT-3). */
@ApplicationScoped
public class CustodyService {

    private static final Set<CustodyStatus> HANDOVER_FROM =
            EnumSet.of(
                    CustodyStatus.REMOVED_ON_SITE,
                    CustodyStatus.IN_CUSTODY,
                    CustodyStatus.EVIDENCE_REJECTED);

    private final CustodyItemRepository items;
    private final CustodyEventRepository events;
    private final TicketService tickets;
    private final AuditTrail audit;
    private final Access access;
    private final Clock clock;
    private final AssetGateway asset;
    private final LifecycleGateway lifecycle;

    public CustodyService(
            CustodyItemRepository items,
            CustodyEventRepository events,
            TicketService tickets,
            AuditTrail audit,
            Access access,
            Clock clock,
            AssetGateway asset,
            LifecycleGateway lifecycle) {
        this.asset = asset;
        this.lifecycle = lifecycle;
        this.items = items;
        this.events = events;
        this.tickets = tickets;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Starts the chain of a medium; 409 when its serial is already tracked. Inside the caller's
     * transaction.
     */
    public CustodyItem track(CustodyItem item, String holder, String location, String note) {
        items.bySerial(item.serial)
                .ifPresent(
                        existing -> {
                            if (!access.maySee(existing.organisation)) {
                                // another organisation's medium: the same 404 as a serial nobody
                                // knows (no existence leak)
                                throw ProblemException.notFound("medium", item.serial);
                            }
                            throw ProblemException.conflict(
                                    "medium " + item.serial + " is already tracked",
                                    List.of(
                                            new Problem.Conflict(
                                                    "custody-item",
                                                    item.serial,
                                                    "duplicate serial",
                                                    access.maySee(existing.organisation)
                                                            ? "/custody-items/" + existing.id
                                                            : null)));
                        });
        item.createdAt = now();
        item.recordedById = access.actorId();
        item.holder = holder;
        item.location = location;
        items.persist(item);
        items.flush();
        append(
                item,
                item.status == CustodyStatus.REMOVED_ON_SITE
                        ? "REMOVED_ON_SITE"
                        : "TAKEN_INTO_CUSTODY",
                note);
        return item;
    }

    @Transactional
    public ItemView registerLogMedium(long ticketId, LogMediumInput input) {
        Ticket t = tickets.visible(ticketId);
        if (!t.status.isOpen()) {
            throw ProblemException.of(
                    ProblemType.CONFLICT, "ticket " + ticketId + " is " + t.status);
        }
        if (!input.kind().dataBearing()) {
            throw ProblemException.badField("kind", input.kind() + " cannot carry log data");
        }
        // read before anything is written: asset-service or lifecycle-service down → 503
        String environment = asset.requireHardware("hardwareId", t.hardwareId).environment();
        requireMaintainedByCaller(t.hardwareId);
        lifecycle.requireOpen(environment, "failure-log medium");
        CustodyItem item = new CustodyItem();
        item.organisation = t.organisation;
        item.source = ItemSource.LOG_MEDIUM;
        item.ticketId = t.id;
        item.hardwareId = t.hardwareId;
        item.kind = input.kind();
        item.make = input.make();
        item.model = input.model();
        item.serial = input.serial().trim();
        item.contents = input.contents();
        item.environment = environment;
        item.status = CustodyStatus.IN_CUSTODY;
        track(item, input.holder(), input.location(), "failure-analysis logs: " + input.contents());
        ItemView view = ItemView.of(item);
        audit.append("register-log-medium", "custody-item", item.id, view);
        return view;
    }

    @Transactional
    public ItemView handover(long id, HandoverInput input) {
        CustodyItem item = visible(id);
        if (!HANDOVER_FROM.contains(item.status)) {
            throw ProblemException.of(
                    ProblemType.CONFLICT,
                    "medium "
                            + item.serial
                            + " is "
                            + item.status
                            + "; custody is handed over only before evidence is submitted");
        }
        item.holder = input.holder();
        item.location = input.location();
        item.status = CustodyStatus.IN_CUSTODY;
        append(item, "HANDOVER", input.note());
        items.flush();
        ItemView view = ItemView.of(item);
        audit.append("handover", "custody-item", item.id, view);
        return view;
    }

    /**
     * R-MT-5: jpo-admin allows PURGE instead of destruction for one part, only for a minor fault
     * that did not reach the controller. Must come before the evidence is submitted.
     */
    @Transactional
    public ItemView approvePurgeException(long id, String ifMatch, String reason) {
        CustodyItem item = visible(id);
        ETags.check(ifMatch, item.version);
        if (item.source != ItemSource.PART
                || item.ticketId == null
                || tickets.visible(item.ticketId).faultClass != FaultClass.MINOR_NOT_CONTROLLER) {
            throw ProblemException.rule(
                    "R-MT-5",
                    "a PURGE exception is possible only for a part removed for a"
                            + " minor fault that did not reach the controller (fault class MINOR_NOT_CONTROLLER)");
        }
        if (item.purgeApprovedAt != null) {
            throw ProblemException.of(
                    ProblemType.CONFLICT,
                    "a PURGE exception is already approved for " + item.serial);
        }
        if (!HANDOVER_FROM.contains(item.status)) {
            throw ProblemException.rule(
                    "R-MT-5",
                    "the exception must be approved before evidence is submitted; "
                            + item.serial
                            + " is "
                            + item.status);
        }
        access.requireNotSelf("R-SEC-2", item.recordedById, null, "recorded medium " + item.serial);
        if (item.replacementId != null) {
            ReplacementRecorder recorder = recorderOf(item.replacementId);
            if (recorder != null) {
                access.requireNotSelf(
                        "R-SEC-2",
                        recorder.id(),
                        recorder.name(),
                        "recorded the replacement of " + item.serial);
            }
        }
        item.purgeApprovedAt = now();
        item.purgeApprovedBy = access.actor();
        item.purgeApprovalReason = reason;
        append(item, "PURGE_EXCEPTION_APPROVED", reason);
        items.flush();
        ItemView view = ItemView.of(item);
        audit.append("approve-purge-exception", "custody-item", item.id, view);
        return view;
    }

    /**
     * A vendor acts only on hardware its organisation maintains: the contracted vendor of
     * lifecycle-service's contract. Anyone else gets the 404 of hardware it cannot see (no
     * existence leak). JPO is not limited.
     */
    public void requireMaintainedByCaller(String hardwareId) {
        if (!access.isVendor()) {
            return;
        }
        String maintainer = lifecycle.contractedVendor();
        if (access.scope().map(maintainer::equals).orElse(false)) {
            return;
        }
        throw ProblemException.notFound("hardware", hardwareId);
    }

    private record ReplacementRecorder(String id, String name) {}

    private ReplacementRecorder recorderOf(String replacementId) {
        List<Object[]> rows =
                items.getEntityManager()
                        .createQuery(
                                "select r.recordedById, r.recordedBy from PartReplacement r where r.id = :id",
                                Object[].class)
                        .setParameter("id", replacementId)
                        .getResultList();
        return rows.isEmpty()
                ? null
                : new ReplacementRecorder((String) rows.get(0)[0], (String) rows.get(0)[1]);
    }

    /** The ticket's failure-log media, one page in id order (#15 item 10: paged in SQL). */
    public Page<ItemView> logMedia(long ticketId, PageRequest page) {
        tickets.visible(ticketId);
        var query =
                items.find(
                        "ticketId = ?1 and source = ?2 order by id",
                        ticketId,
                        ItemSource.LOG_MEDIUM);
        query.page(page.page(), page.size());
        return new Page<>(query.list().stream().map(ItemView::of).toList(), query.count(), page);
    }

    /** The item's custody chain, one page in id (= recording) order (#15 item 10: paged in SQL). */
    public Page<EventView> events(long itemId, PageRequest page) {
        visible(itemId);
        var query = events.find("itemId = ?1 order by id", itemId);
        query.page(page.page(), page.size());
        return new Page<>(query.list().stream().map(EventView::of).toList(), query.count(), page);
    }

    public ItemDetail get(long id) {
        CustodyItem item = visible(id);
        return detail(item);
    }

    public ItemDetail detail(CustodyItem item) {
        List<Long> evidence =
                items.getEntityManager()
                        .createQuery(
                                "select e.id from Evidence e where e.itemId = :id order by e.id",
                                Long.class)
                        .setParameter("id", item.id)
                        .getResultList();
        return new ItemDetail(
                ItemView.of(item),
                events.of(item.id).stream().map(EventView::of).toList(),
                evidence);
    }

    public Page<ItemView> list(
            Long ticketId, Long orderId, CustodyStatus status, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        access.scope()
                .ifPresent(
                        org -> {
                            where.add("organisation = :scope");
                            params.and("scope", org);
                        });
        if (ticketId != null) {
            where.add("ticketId = :ticket");
            params.and("ticket", ticketId);
        }
        if (orderId != null) {
            where.add("orderId = :order");
            params.and("order", orderId);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        var q =
                items.find(
                                where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                                Sort.by("id"),
                                params)
                        .page(page.page(), page.size());
        return new Page<>(q.list().stream().map(ItemView::of).toList(), q.count(), page);
    }

    /** Whichever way a medium was evidenced (part, log medium, sanitization order). */
    public EvidenceStatus evidenceStatus(String serial) {
        return items.bySerial(serial)
                .map(
                        i ->
                                i.status == CustodyStatus.EVIDENCE_ACCEPTED
                                        ? new EvidenceStatus(
                                                serial, i.status.name(), true, acceptedAt(i.id))
                                        : new EvidenceStatus(serial, i.status.name(), false, null))
                .orElse(new EvidenceStatus(serial, "NOT_TRACKED", false, null));
    }

    @jakarta.inject.Inject AcceptedEvidence acceptance;

    /** R-RM-4: the time the item's evidence was accepted (the latest accepting decision). */
    private Instant acceptedAt(long itemId) {
        return acceptance.acceptedAt(itemId).orElse(null);
    }

    public CustodyItem visible(long id) {
        return access.visible(items.findByIdOptional(id), i -> i.organisation, "custody item", id);
    }

    /** Moves the chain on and appends the event; inside the caller's transaction. */
    public void advance(CustodyItem item, CustodyStatus status, String event, String note) {
        item.status = status;
        append(item, event, note);
    }

    private void append(CustodyItem item, String event, String note) {
        CustodyEvent e = new CustodyEvent();
        e.itemId = item.id;
        e.event = event;
        e.status = item.status;
        e.holder = item.holder;
        e.location = item.location;
        e.note = note;
        e.at = now();
        e.actor = access.actor();
        events.persist(e);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
