package io.kiban.maintenance.report;

import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.maintenance.contractor.Contractor;
import io.kiban.maintenance.contractor.ContractorRepository;
import io.kiban.maintenance.custody.CustodyItem;
import io.kiban.maintenance.custody.CustodyItemRepository;
import io.kiban.maintenance.custody.CustodyStatus;
import io.kiban.maintenance.custody.ItemSource;
import io.kiban.maintenance.evidence.Evidence;
import io.kiban.maintenance.evidence.EvidenceRepository;
import io.kiban.maintenance.evidence.Issuer;
import io.kiban.maintenance.evidence.Method;
import io.kiban.maintenance.support.AssetClient;
import io.kiban.maintenance.support.AssetGateway;
import io.kiban.maintenance.support.Environment;
import io.kiban.maintenance.ticket.FaultClass;
import io.kiban.maintenance.ticket.Ticket;
import io.kiban.maintenance.ticket.TicketRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 19, one owner for "are these media destroyed?" (R-RM-3, R-BK-5, R-MT-3…R-MT-6): for an
 * environment or a set of hardware, one row per data-bearing medium with its destruction state as
 * this service knows it.
 *
 * <p>The list of media is asset-service's (its ledger holds every medium ever installed, including
 * media that never entered custody here: still installed, or removed outside a replacement or
 * sanitization order); this service keeps only the media that entered custody. So the report reads
 * asset-service's {@code GET /media?include=removed} to the end (every page, {@link
 * AssetGateway#media}) and joins it with the custody items and evidence here by serial. Media
 * tracked here that the ledger does not list (failure-analysis log media, parts of hardware without
 * ledger media) are rows too ({@code inLedger: false}). Media jpo-admin declared not data-bearing
 * in asset-service are not rows.
 *
 * <p>A medium is {@code destroyed} only when its custody item has evidence JPO accepted and that
 * evidence still satisfies the rules (R-MT-5: never CLEAR, the technique achieves the method on
 * that kind of medium, PURGE only for a MINOR_NOT_CONTROLLER part with a jpo-admin exception
 * approved before the submission; R-MT-4: a contractor's certificate only from a contractor
 * approved on the day of destruction). The whole list is computed, sorted by (serial, hardware id)
 * and sliced, so that pages never overlap or skip; the summary counts the whole list.
 */
@ApplicationScoped
class MediaDestructionService {

    /** At most this many hardware ids in one request. */
    public static final int MAX_HARDWARE_IDS = 200;

    /** Why a medium is not (yet) destroyed. */
    public enum Pending {
        /**
         * still installed (or removed) and never entered custody here: a sanitization order or
         * replacement is due
         */
        NOT_IN_CUSTODY,
        /**
         * asset-service shows it removed outside a replacement or sanitization order, and it is not
         * in custody here
         */
        REMOVED_WITHOUT_CUSTODY,
        /** in custody here, but no evidence JPO accepted */
        EVIDENCE_NOT_ACCEPTED,
        /**
         * evidence was accepted, but it does not satisfy R-MT-4/R-MT-5 as recorded ({@code
         * nonConformities})
         */
        METHOD_NOT_CONFORMING
    }

    /**
     * One data-bearing medium. {@code source}: {@code asset-ledger} (the ledger lists it and it
     * never entered custody here), or the custody item's source ({@code part}, {@code log-medium},
     * {@code order-medium}). {@code custodyStatus} is {@code NOT_TRACKED} without a custody item.
     * {@code method}, {@code technique}, {@code techniqueLevel} (what the technique achieves on
     * this kind of medium), {@code issuer}, {@code acceptedAt}, {@code acceptedBy} describe the
     * accepted evidence, or the latest submitted one.
     */
    public record MediumDestruction(
            String serial,
            String kind,
            String make,
            String model,
            String hardwareId,
            String environment,
            String source,
            boolean inLedger,
            boolean installed,
            LocalDate removedOn,
            boolean removedWithoutCustodyReference,
            Long custodyItemId,
            String custodyStatus,
            Long evidenceId,
            String evidenceStatus,
            Method method,
            String technique,
            Method techniqueLevel,
            Issuer issuer,
            Instant acceptedAt,
            String acceptedBy,
            List<String> nonConformities,
            boolean destroyed,
            Pending pending) {}

    /** One page of the report, and the whole report's summary. */
    public record Report(Page<MediumDestruction> page, long pending, boolean allDestroyed) {}

    private final AssetGateway asset;
    private final CustodyItemRepository items;
    private final EvidenceRepository evidence;
    private final ContractorRepository contractors;
    private final TicketRepository tickets;

    MediaDestructionService(
            AssetGateway asset,
            CustodyItemRepository items,
            EvidenceRepository evidence,
            ContractorRepository contractors,
            TicketRepository tickets) {
        this.asset = asset;
        this.items = items;
        this.evidence = evidence;
        this.contractors = contractors;
        this.tickets = tickets;
    }

    public Report report(Environment environment, List<String> hardwareIds, PageRequest page) {
        List<MediumDestruction> all = report(environment, hardwareIds);
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(from + page.size(), all.size());
        long pending = all.stream().filter(m -> !m.destroyed()).count();
        return new Report(
                new Page<>(all.subList(from, to), all.size(), page),
                pending,
                !all.isEmpty() && pending == 0);
    }

    List<MediumDestruction> report(Environment environment, List<String> hardwareIds) {
        Set<String> hardware = new LinkedHashSet<>();
        for (String id : hardwareIds == null ? List.<String>of() : hardwareIds) {
            if (id == null || id.isBlank()) {
                throw ProblemException.badField(
                        "hardwareId", "R-RM-3: a hardware id must not be blank");
            }
            hardware.add(id.trim());
        }
        if (environment == null && hardware.isEmpty()) {
            throw ProblemException.badField(
                    "environment",
                    "R-RM-3: name the environment or at least one hardwareId whose media are asked about");
        }
        if (hardware.size() > MAX_HARDWARE_IDS) {
            throw ProblemException.badField(
                    "hardwareId",
                    "R-RM-3: at most "
                            + MAX_HARDWARE_IDS
                            + " hardware ids in one request ("
                            + hardware.size()
                            + " given); ask for the environment instead");
        }
        String env = environment == null ? null : environment.name();

        // the ledger's media, every page (asset-service down → 503, never a shorter list)
        Map<String, AssetClient.Medium> ledger = new LinkedHashMap<>();
        if (hardware.isEmpty()) {
            ledger(asset.media(env, null), ledger);
        } else {
            for (String id : hardware) {
                ledger(asset.media(env, id), ledger);
            }
        }

        Set<String> serials = new LinkedHashSet<>();
        ledger.values().forEach(m -> serials.add(m.serial().trim()));
        Map<String, CustodyItem> bySerial = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(serials))) {
            items.list("serial in ?1", chunk).forEach(i -> bySerial.putIfAbsent(i.serial, i));
        }
        // media tracked here that the ledger does not list (log media, parts of hardware without
        // ledger media)
        List<CustodyItem> unlisted = new ArrayList<>();
        if (hardware.isEmpty()) {
            unlisted.addAll(items.list("environment = ?1 order by id", env));
        } else {
            for (List<String> chunk : chunks(new ArrayList<>(hardware))) {
                unlisted.addAll(
                        env == null
                                ? items.list("hardwareId in ?1 order by id", chunk)
                                : items.list(
                                        "hardwareId in ?1 and environment = ?2 order by id",
                                        chunk,
                                        env));
            }
        }
        unlisted.removeIf(i -> serials.contains(i.serial));

        Map<Long, Evidence> evidenceByItem =
                evidence(
                        concat(bySerial.values(), unlisted).stream()
                                .map(i -> i.id)
                                .distinct()
                                .toList());
        Map<Long, Contractor> contractorById = new HashMap<>();
        Map<Long, Ticket> ticketById = new HashMap<>();

        List<MediumDestruction> rows = new ArrayList<>();
        for (AssetClient.Medium m : ledger.values()) {
            CustodyItem item = bySerial.get(m.serial().trim());
            rows.add(
                    row(
                            m,
                            item,
                            item == null ? null : evidenceByItem.get(item.id),
                            contractorById,
                            ticketById));
        }
        for (CustodyItem item : unlisted) {
            rows.add(row(null, item, evidenceByItem.get(item.id), contractorById, ticketById));
        }
        rows.sort(
                Comparator.comparing(MediumDestruction::serial)
                        .thenComparing(
                                MediumDestruction::hardwareId,
                                Comparator.nullsFirst(Comparator.naturalOrder())));
        return rows;
    }

    /** Data-bearing media with a serial, once per (serial, hardware). */
    private static void ledger(
            List<AssetClient.Medium> media, Map<String, AssetClient.Medium> into) {
        for (AssetClient.Medium m : media) {
            if (m.serial() == null || m.serial().isBlank() || !m.bearsData()) {
                continue;
            }
            into.putIfAbsent(m.serial().trim() + "\u0000" + m.hardwareId(), m);
        }
    }

    /** Per custody item, its accepted evidence (latest decision), else its latest submission. */
    private Map<Long, Evidence> evidence(List<Long> itemIds) {
        Map<Long, Evidence> chosen = new HashMap<>();
        for (List<Long> chunk : chunks(itemIds)) {
            for (Evidence e : evidence.list("itemId in ?1 order by id", chunk)) {
                Evidence current = chosen.get(e.itemId);
                if (current == null || better(e, current)) {
                    chosen.put(e.itemId, e);
                }
            }
        }
        return chosen;
    }

    private static boolean better(Evidence candidate, Evidence current) {
        boolean a = candidate.status == Evidence.Status.ACCEPTED;
        boolean b = current.status == Evidence.Status.ACCEPTED;
        if (a != b) {
            return a;
        }
        if (a) {
            return !candidate.decidedAt.isBefore(current.decidedAt);
        }
        return true; // listed in id order: the later submission
    }

    private MediumDestruction row(
            AssetClient.Medium m,
            CustodyItem item,
            Evidence e,
            Map<Long, Contractor> contractorById,
            Map<Long, Ticket> ticketById) {
        boolean accepted =
                item != null
                        && item.status == CustodyStatus.EVIDENCE_ACCEPTED
                        && e != null
                        && e.status == Evidence.Status.ACCEPTED;
        List<String> nonConformities =
                accepted ? nonConformities(item, e, contractorById, ticketById) : List.of();
        boolean destroyed = accepted && nonConformities.isEmpty();
        boolean removed = m == null ? true : m.removed();
        boolean withoutReference =
                m != null && Boolean.TRUE.equals(m.removedWithoutCustodyReference());
        Pending pending =
                destroyed
                        ? null
                        : accepted
                                ? Pending.METHOD_NOT_CONFORMING
                                : item != null
                                        ? Pending.EVIDENCE_NOT_ACCEPTED
                                        : removed
                                                ? Pending.REMOVED_WITHOUT_CUSTODY
                                                : Pending.NOT_IN_CUSTODY;
        String hardwareId =
                m != null && m.hardwareId() != null
                        ? String.valueOf(m.hardwareId())
                        : item == null ? null : item.hardwareId;
        return new MediumDestruction(
                m != null ? m.serial().trim() : item.serial,
                m != null && m.kind() != null ? m.kind() : item.kind.name(),
                m != null && m.make() != null ? m.make() : item == null ? null : item.make,
                m != null && m.model() != null ? m.model() : item == null ? null : item.model,
                hardwareId,
                m != null && m.environment() != null
                        ? m.environment()
                        : item == null ? null : item.environment,
                item == null ? "asset-ledger" : item.source.label(),
                m != null,
                m != null && !removed,
                m == null ? null : m.removedOn(),
                withoutReference,
                item == null ? null : item.id,
                item == null ? "NOT_TRACKED" : item.status.name(),
                e == null ? null : e.id,
                e == null ? null : e.status.name(),
                e == null ? null : e.method,
                e == null ? null : e.technique.name(),
                e == null ? null : e.technique.levelOn(item.kind),
                e == null ? null : e.issuer,
                accepted ? e.decidedAt : null,
                accepted ? e.decidedBy : null,
                nonConformities,
                destroyed,
                pending);
    }

    /**
     * The rules an accepted certificate must still satisfy (they are checked when it is submitted;
     * a record that does not — written before a rule was tightened, or altered outside the API — is
     * never counted as destroyed).
     */
    private List<String> nonConformities(
            CustodyItem item,
            Evidence e,
            Map<Long, Contractor> contractorById,
            Map<Long, Ticket> ticketById) {
        List<String> out = new ArrayList<>();
        if (e.method == Method.CLEAR) {
            out.add("R-MT-5: CLEAR is never enough (PURGE by exception, DESTROY by default)");
        }
        Method level = e.technique.levelOn(item.kind);
        if (level == null) {
            out.add("R-MT-5: " + e.technique + " does nothing to " + item.kind);
        } else if (e.method != Method.CLEAR && level != e.method) {
            out.add(
                    "R-MT-5: "
                            + e.technique
                            + " on "
                            + item.kind
                            + " is "
                            + level
                            + ", not "
                            + e.method);
        }
        if (e.method == Method.PURGE) {
            FaultClass fault = null;
            if (item.source == ItemSource.PART && item.ticketId != null) {
                Ticket t = ticketById.computeIfAbsent(item.ticketId, id -> tickets.findById(id));
                fault = t == null ? null : t.faultClass;
            }
            if (item.source != ItemSource.PART || fault != FaultClass.MINOR_NOT_CONTROLLER) {
                out.add(
                        "R-MT-5: PURGE instead of destruction only for a part of a MINOR_NOT_CONTROLLER fault");
            }
            if (item.purgeApprovedAt == null || item.purgeApprovedAt.isAfter(e.submittedAt)) {
                out.add(
                        "R-MT-5: PURGE without a jpo-admin exception approved before the submission");
            }
        }
        if (e.issuer == Issuer.CONTRACTOR) {
            Contractor k =
                    e.contractorId == null
                            ? null
                            : contractorById.computeIfAbsent(
                                    e.contractorId, id -> contractors.findById(id));
            if (k == null || !k.approvedOn(e.performedOn)) {
                out.add("R-MT-4: the contractor was not approved by JPO on " + e.performedOn);
            }
        }
        return out;
    }

    private static List<CustodyItem> concat(Collection<CustodyItem> a, Collection<CustodyItem> b) {
        List<CustodyItem> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < values.size(); from += 500) {
            out.add(values.subList(from, Math.min(values.size(), from + 500)));
        }
        return out;
    }
}
