package io.kiban.maintenance.replacement;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.time.ClockProducer;
import io.kiban.maintenance.custody.CustodyItem;
import io.kiban.maintenance.custody.CustodyItemRepository;
import io.kiban.maintenance.custody.CustodyService;
import io.kiban.maintenance.custody.CustodyStatus;
import io.kiban.maintenance.custody.ItemSource;
import io.kiban.maintenance.replacement.ReplacementDtos.DataBearingInput;
import io.kiban.maintenance.replacement.ReplacementDtos.ReplacementInput;
import io.kiban.maintenance.replacement.ReplacementDtos.ReplacementView;
import io.kiban.maintenance.support.Access;
import io.kiban.maintenance.support.AssetClient;
import io.kiban.maintenance.support.AssetGateway;
import io.kiban.maintenance.support.LifecycleGateway;
import io.kiban.maintenance.support.MediumKind;
import io.kiban.maintenance.ticket.Ticket;
import io.kiban.maintenance.ticket.TicketService;
import io.kiban.maintenance.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Part replacements (R-AS-2, R-MT-2). The swap is recorded in asset-service inside the same
 * business operation, and the chosen failure mode is <b>fail the request</b>: the local rows are
 * written and flushed first (so local conflicts such as a duplicate serial surface before anything
 * leaves), then asset-service is called with an Idempotency-Key derived from the replacement id; if
 * that call fails the transaction rolls back and the caller gets 503 — nothing is half-recorded.
 * The replacement id is a name-based UUID of (ticket, removed serial), so a retry sends the same
 * key and asset-service replays instead of recording twice, even when our commit failed after its
 * write.
 */
@ApplicationScoped
public class ReplacementService {

    private static final Set<TicketStatus> WORKING =
            EnumSet.of(TicketStatus.IN_PROGRESS, TicketStatus.PARTS_REPLACED);

    private final ReplacementRepository replacements;
    private final CustodyItemRepository items;
    private final TicketService tickets;
    private final CustodyService custody;
    private final AssetGateway asset;
    private final AuditTrail audit;
    private final Access access;
    private final Clock clock;
    private final LifecycleGateway lifecycle;

    public ReplacementService(
            ReplacementRepository replacements,
            CustodyItemRepository items,
            TicketService tickets,
            CustodyService custody,
            AssetGateway asset,
            AuditTrail audit,
            Access access,
            Clock clock,
            LifecycleGateway lifecycle) {
        this.lifecycle = lifecycle;
        this.replacements = replacements;
        this.items = items;
        this.tickets = tickets;
        this.custody = custody;
        this.asset = asset;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    public static String idFor(long ticketId, String removedSerial) {
        return UUID.nameUUIDFromBytes(
                        ("kiban-maintenance:" + ticketId + ":" + removedSerial)
                                .getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Transactional
    public ReplacementView record(long ticketId, ReplacementInput input) {
        Ticket t = tickets.visible(ticketId);
        if (!WORKING.contains(t.status)) {
            throw ProblemException.of(
                    ProblemType.CONFLICT,
                    "parts are replaced while a ticket is IN_PROGRESS or PARTS_REPLACED; ticket "
                            + ticketId
                            + " is "
                            + t.status);
        }
        if (input.installed().condition() != PartCondition.NEW) {
            throw ProblemException.rule(
                    "R-AS-2",
                    "a replacement part must be new; installed."
                            + "condition is "
                            + input.installed().condition());
        }
        String removedSerial = input.removed().serial().trim();
        String installedSerial = input.installed().serial().trim();
        if (removedSerial.equals(installedSerial)) {
            throw ProblemException.badField("installed.serial", "must differ from removed.serial");
        }
        MediumKind requested = input.removed().kind();
        // everything remote is read before anything is written: asset-service or lifecycle-service
        // down → 503
        String environment = asset.requireHardware("hardwareId", t.hardwareId).environment();
        lifecycle.requireOpen(environment, "part replacement");
        Ledger ledger = ledger(t.hardwareId, removedSerial, requested);
        boolean dataBearing;
        String setBy = null;
        if (ledger.medium() != null) {
            // R-MT-3: the ledger decides; only jpo-admin, in asset-service, declares a ledger
            // medium not data-bearing
            dataBearing = ledger.medium().bearsData();
            if (Boolean.FALSE.equals(input.dataBearing()) && dataBearing) {
                throw ProblemException.rule(
                        "R-MT-3",
                        "R-MT-3: asset-service's media ledger records "
                                + removedSerial
                                + " as data-bearing; only jpo-admin declares a ledger medium not data-bearing, in asset-service"
                                + " and with a reason, never by this request");
            }
            if (Boolean.TRUE.equals(input.dataBearing()) && !dataBearing) {
                dataBearing = true; // anyone may raise it
                setBy = access.actor();
            }
        } else {
            boolean kindDefault = requested.dataBearing();
            dataBearing = input.dataBearing() == null ? kindDefault : input.dataBearing();
            if (dataBearing != kindDefault) {
                if (!dataBearing && !access.isJpoAdmin()) {
                    throw ProblemException.of(
                            ProblemType.FORBIDDEN,
                            "only jpo-admin may declare a "
                                    + requested
                                    + " not data-bearing (R-MT-2)");
                }
                setBy = access.actor();
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.JPO_ZONE);
        LocalDate replacedOn = input.replacedOn() == null ? today : input.replacedOn();
        if (replacedOn.isAfter(today)) {
            throw ProblemException.badField("replacedOn", "must not be in the future");
        }
        String id = idFor(t.id, removedSerial);
        duplicate("removed.serial", "removedSerial", removedSerial);
        duplicate("installed.serial", "installedSerial", installedSerial);

        PartReplacement r = new PartReplacement();
        r.id = id;
        r.ticketId = t.id;
        r.organisation = t.organisation;
        r.hardwareId = t.hardwareId;
        r.removedKind = requested;
        r.removedMake = input.removed().make();
        r.removedModel = input.removed().model();
        r.removedSerial = removedSerial;
        r.installedKind = input.installed().kind() == null ? requested : input.installed().kind();
        r.installedMake = input.installed().make();
        r.installedModel = input.installed().model();
        r.installedSerial = installedSerial;
        r.installedCondition = input.installed().condition();
        r.dataBearing = dataBearing;
        r.dataBearingSetBy = setBy;
        r.replacedOn = replacedOn;
        r.recordedBy = access.actor();
        r.recordedById = access.actorId();
        r.ledgerOrigin = ledger.origin();
        r.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        replacements.persist(r);
        replacements.flush();

        Long itemId = null;
        if (dataBearing) {
            CustodyItem item = new CustodyItem();
            item.organisation = t.organisation;
            item.source = ItemSource.PART;
            item.ticketId = t.id;
            item.replacementId = r.id;
            item.hardwareId = t.hardwareId;
            item.kind = r.removedKind;
            item.make = r.removedMake;
            item.model = r.removedModel;
            item.serial = removedSerial;
            item.environment = environment;
            item.status = CustodyStatus.REMOVED_ON_SITE;
            custody.track(
                    item,
                    input.holder(),
                    input.location() == null ? "on site" : input.location(),
                    "removed in ticket "
                            + t.id
                            + (ledger.medium() != null
                                    ? " (data-bearing per asset-service's media"
                                            + " ledger, "
                                            + ledger.medium().kind()
                                            + ")"
                                    : ""));
            itemId = item.id;
        }
        if (t.status == TicketStatus.IN_PROGRESS) {
            tickets.move(t, TicketStatus.PARTS_REPLACED, "part " + removedSerial + " replaced");
        }
        // last: if asset-service cannot record the swap, everything above rolls back (503). A
        // serial its ledger
        // knows is always recorded there; otherwise only parts of a media kind are (a fan on
        // hardware without media
        // is recorded here alone).
        if (ledger.medium() != null || r.removedKind.assetKind() != null) {
            asset.recordReplacement(
                    t.hardwareId,
                    "maintenance-replacement-" + r.id,
                    new AssetClient.ReplacementRecord(
                            removedSerial,
                            new AssetClient.Installed(
                                    r.installedKind.assetKind() != null
                                            ? r.installedKind.assetKind()
                                            : r.removedKind.assetKind(),
                                    r.installedMake,
                                    r.installedModel,
                                    installedSerial,
                                    r.installedCondition.name()),
                            replacedOn,
                            "maintenance-service:ticket/" + t.id + "/replacement/" + r.id));
        }
        ReplacementView view = ReplacementView.of(r, itemId);
        audit.append("replace-part", "part-replacement", r.id, view);
        return view;
    }

    /**
     * R-MT-2/R-MT-3: the data-bearing flag can be raised after recording (an unusual part found to
     * hold data, e.g. a motherboard kind recorded as OTHER). The part then gets the custody chain
     * every data-bearing removed part has, so the ticket cannot close without accepted evidence for
     * it (R-MT-6) — and when the ticket is already CLOSED the medium is still tracked and shows in
     * the outstanding-sanitization report. Lowering the flag is not possible here (only jpo-admin
     * may declare a part not data-bearing, and only when recording it).
     */
    @Transactional
    public ReplacementView markDataBearing(
            long ticketId, String replacementId, DataBearingInput input) {
        Ticket t = tickets.visible(ticketId);
        PartReplacement r =
                replacements
                        .findByIdOptional(replacementId)
                        .filter(x -> t.id.equals(x.ticketId))
                        .orElseThrow(
                                () -> ProblemException.notFound("part replacement", replacementId));
        if (r.dataBearing) {
            throw ProblemException.of(
                    ProblemType.CONFLICT,
                    "removed part "
                            + r.removedSerial
                            + " is already data-bearing (custody item "
                            + items.find("replacementId", r.id)
                                    .firstResultOptional()
                                    .map(i -> String.valueOf(i.id))
                                    .orElse("none")
                            + ")");
        }
        r.dataBearing = true;
        r.dataBearingSetBy = access.actor();
        replacements.flush();
        CustodyItem item = new CustodyItem();
        item.organisation = r.organisation;
        item.source = ItemSource.PART;
        item.ticketId = t.id;
        item.replacementId = r.id;
        item.hardwareId = r.hardwareId;
        item.kind = r.removedKind;
        item.make = r.removedMake;
        item.model = r.removedModel;
        item.serial = r.removedSerial;
        item.environment = t.environment;
        item.status = CustodyStatus.REMOVED_ON_SITE;
        custody.track(
                item,
                input.holder(),
                input.location() == null ? "on site" : input.location(),
                "declared data-bearing after removal in ticket " + t.id + ": " + input.reason());
        ReplacementView view = ReplacementView.of(r, item.id);
        audit.append("declare-data-bearing", "part-replacement", r.id, view);
        return view;
    }

    /**
     * The ticket's replacements, one page in (recordedAt, id) order (#15 item 10: paged in SQL).
     */
    public Page<ReplacementView> list(long ticketId, PageRequest page) {
        tickets.visible(ticketId);
        var query = replacements.find("ticketId = ?1 order by recordedAt, id", ticketId);
        query.page(page.page(), page.size());
        List<PartReplacement> found = query.list();
        Map<String, Long> itemOf = custodyItemsOf(found.stream().map(r -> r.id).toList());
        return new Page<>(
                found.stream().map(r -> ReplacementView.of(r, itemOf.get(r.id))).toList(),
                query.count(),
                page);
    }

    /**
     * The custody item of each replacement that has one, in one select for a page (#16 §3: was one
     * select per replacement); the lowest item id if a replacement had several.
     */
    private Map<String, Long> custodyItemsOf(List<String> replacementIds) {
        Map<String, Long> result = new HashMap<>();
        if (replacementIds.isEmpty()) {
            return result;
        }
        items.getEntityManager()
                .createQuery(
                        "select i.replacementId, i.id from CustodyItem i where i.replacementId in :ids",
                        Object[].class)
                .setParameter("ids", replacementIds)
                .getResultList()
                .forEach(row -> result.merge((String) row[0], (Long) row[1], Math::min));
        return result;
    }

    /** What asset-service's media ledger says of the removed serial on this hardware (R-MT-3). */
    record Ledger(AssetClient.Medium medium, String origin) {}

    /**
     * R-MT-3: the removed serial is looked up in asset-service's media ledger of the hardware
     * (every page, removed media included). Known → the ledger decides whether it bears data, and a
     * request kind that contradicts the ledger's kind is 422; unknown on hardware whose ledger
     * lists media → 422 (jpo-admin records it in asset-service first); a ledger without media → the
     * request kind decides.
     */
    private Ledger ledger(String hardwareId, String removedSerial, MediumKind requested) {
        List<AssetClient.Medium> media = asset.media(null, hardwareId);
        AssetClient.Medium known =
                media.stream()
                        .filter(m -> m.serial() != null && m.serial().trim().equals(removedSerial))
                        .findFirst()
                        .orElse(null);
        if (known != null) {
            String ledgerKind =
                    known.kind() == null
                            ? "OTHER"
                            : known.kind().trim().toUpperCase(java.util.Locale.ROOT);
            if (requested.assetKind() == null || !requested.assetKind().equals(ledgerKind)) {
                throw ProblemException.rule(
                        "R-MT-3",
                        "R-MT-3: removed.kind "
                                + requested
                                + " contradicts asset-service's"
                                + " media ledger, which records "
                                + removedSerial
                                + " on hardware "
                                + hardwareId
                                + " as "
                                + ledgerKind
                                + (known.bearsData() ? " (data-bearing)" : "")
                                + "; name the ledger's kind");
            }
            return new Ledger(known, known.origin() == null ? "LEDGER" : known.origin());
        }
        if (!media.isEmpty()) {
            throw ProblemException.rule(
                    "R-MT-3",
                    "R-MT-3: removed serial "
                            + removedSerial
                            + " is not in asset-service's"
                            + " media ledger of hardware "
                            + hardwareId
                            + ", which lists "
                            + media.size()
                            + " medium/media; jpo-admin"
                            + " must first record it in asset-service as an unregistered part"
                            + " (POST /hardware/"
                            + hardwareId
                            + "/media/unregistered-parts)");
        }
        return new Ledger(null, "NONE");
    }

    private void duplicate(String field, String column, String serial) {
        replacements
                .find(column, serial)
                .firstResultOptional()
                .ifPresent(
                        existing -> {
                            if (!access.maySee(existing.organisation)) {
                                // another organisation's part: the same 404 as a serial nobody
                                // knows (no existence leak)
                                throw ProblemException.notFound("medium", serial);
                            }
                            throw ProblemException.conflict(
                                    field + " " + serial + " was already recorded in a replacement",
                                    List.of(
                                            new Problem.Conflict(
                                                    "part-replacement",
                                                    serial,
                                                    "duplicate serial",
                                                    access.maySee(existing.organisation)
                                                            ? "/tickets/" + existing.ticketId
                                                            : null)));
                        });
    }
}
