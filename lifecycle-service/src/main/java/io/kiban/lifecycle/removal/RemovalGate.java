package io.kiban.lifecycle.removal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.client.Remote;
import io.kiban.commons.client.RemoteList;
import io.kiban.commons.time.ClockProducer;
import io.kiban.lifecycle.archive.ArchiveRepository;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.phase.Blocker;
import io.kiban.lifecycle.phase.EnvironmentPhase;
import io.kiban.lifecycle.phase.Phase;
import io.kiban.lifecycle.phase.PhaseRepository;
import io.kiban.lifecycle.phase.RestorationItem;
import io.kiban.lifecycle.phase.RestorationRepository;
import io.kiban.lifecycle.support.BackupClient;
import io.kiban.lifecycle.support.Environment;
import io.kiban.lifecycle.support.MaintenanceClient;
import io.kiban.lifecycle.support.PagedList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The removal gate (R-RM-1, R-RM-3, R-RM-4, R-LC-8). An environment may reach REMOVED (and later
 * CLOSED) only when (a) every data-bearing medium ever installed in it is destroyed, as
 * maintenance-service's destruction report says ({@code GET
 * /reports/media-destruction?environment=}, read to the end; #19: the one owner of the answer,
 * which reads asset-service's ledger itself), and none left the ledger without a custody reference
 * ({@code removedWithoutCustodyReference: true} blocks), (b) every backup copy on its arrays is
 * accounted for (not asked for SHARED: the distribution board holds no backups), (c)
 * maintenance-service lists no outstanding sanitization for it (failure-analysis log media without
 * accepted evidence, media removed from the ledger without custody; an entry of a kind this service
 * does not know blocks too), (d) the restoration checklist is signed, (e) for PRODUCTION an archive
 * was built after it entered REMOVING that holds the accepted evidence of each of its media, and
 * JPO recorded receiving it, and every copy of the work's information a vendor held is confirmed
 * returned, destroyed or erased, (f) the removal deadline (f) SHARED only after both environments
 * are removed. R-LC-8: a passed removal deadline does not block (removal must stay possible) and is
 * not cleared by a late-removal reason either: it is a breach that readiness, the overview, the
 * deadlines and the archive show. A service that cannot be asked is itself a blocker: the gate
 * never passes on silence.
 */
@ApplicationScoped
public class RemovalGate implements io.kiban.lifecycle.phase.RemovalBlockers {

    public static final String MAINTENANCE = "maintenance-service";
    public static final String BACKUP = "backup-service";
    public static final String SELF = "lifecycle-service";

    private final MaintenanceClient maintenance;
    private final BackupClient backup;
    private final PhaseRepository phases;
    private final RestorationRepository restoration;
    private final ArchiveRepository archives;
    private final ContractService contracts;
    private final Clock clock;
    private final VendorCopyService vendorCopies;
    private final io.kiban.lifecycle.archive.ArchiveService archiveService;

    public RemovalGate(
            @RestClient MaintenanceClient maintenance,
            @RestClient BackupClient backup,
            PhaseRepository phases,
            RestorationRepository restoration,
            ArchiveRepository archives,
            ContractService contracts,
            Clock clock,
            VendorCopyService vendorCopies,
            io.kiban.lifecycle.archive.ArchiveService archiveService) {
        this.vendorCopies = vendorCopies;
        this.archiveService = archiveService;
        this.maintenance = maintenance;
        this.backup = backup;
        this.phases = phases;
        this.restoration = restoration;
        this.archives = archives;
        this.contracts = contracts;
        this.clock = clock;
    }

    @Transactional
    @Override
    public List<Blocker> blockers(Environment env) {
        List<Blocker> blockers = new ArrayList<>();
        MediaFacts media = media(env, blockers);
        if (env != Environment.SHARED) {
            backupCopies(env, blockers);
        }
        outstandingSanitization(env, blockers);
        checklist(env, blockers);
        EnvironmentPhase phase = phases.findById(env);
        if (env == Environment.PRODUCTION) {
            archive(phase, media, blockers);
            vendorCopies(blockers);
        }
        if (env == Environment.SHARED) {
            for (Environment other : List.of(Environment.PRODUCTION, Environment.STAGING)) {
                Phase p = phases.findById(other).phase;
                if (!p.atLeast(Phase.REMOVED)) {
                    blockers.add(
                            new Blocker(
                                    "ENVIRONMENT_NOT_REMOVED",
                                    "phase:" + other,
                                    "the shared distribution board is removed with the last environment; "
                                            + other
                                            + " is "
                                            + p,
                                    SELF + " /phases/" + other));
                }
            }
        }
        // R-LC-8: a passed removal deadline is no blocker and no note clears it: removal stays
        // possible and is recorded as
        // a breach (RemovalObligation: readiness, overview, deadlines and the archive show it)
        return blockers;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ClockProducer.JPO_ZONE));
    }

    /**
     * What the gate learnt of an environment's media: the serials with accepted evidence (null when
     * asset-service or maintenance-service could not be asked) and the latest acceptance time
     * maintenance-service reported, if it reports one.
     */
    record MediaFacts(Set<String> serials, java.time.Instant lastAcceptedAt) {}

    /**
     * (a) R-RM-3: every data-bearing medium ever installed, including media replaced years before,
     * is destroyed — asked of maintenance-service, the one owner of that answer (#19): {@code GET
     * /reports/media-destruction ?environment=}, every page until X-Total-Count.
     * maintenance-service reads asset-service's ledger to the end (media declared not data-bearing
     * are not rows) and joins it with custody and accepted evidence; a row is {@code destroyed}
     * only with accepted evidence that satisfies R-MT-4/R-MT-5. The ledger's media ({@code
     * inLedger}) are this check's; media tracked only in maintenance-service (failure-analysis log
     * media) are (c)'s.
     */
    private MediaFacts media(Environment env, List<Blocker> blockers) {
        String call = "GET /reports/media-destruction?environment=" + env + " (paged)";
        List<JsonNode> rows;
        try {
            rows =
                    PagedList.readAll(
                            MAINTENANCE,
                            "GET /reports/media-destruction?environment=" + env,
                            p -> maintenance.mediaDestruction(env.name(), p, PagedList.PAGE_SIZE),
                            PagedList::array);
        } catch (Remote.Failure e) {
            blockers.add(unavailable(MAINTENANCE, call, e));
            return new MediaFacts(null, null);
        } catch (RemoteList.Incomplete e) {
            blockers.add(
                    new Blocker(
                            "SERVICE_UNAVAILABLE",
                            "service:" + MAINTENANCE,
                            "could not be checked: "
                                    + "maintenance-service's media destruction report could not be read whole: "
                                    + e.getMessage()
                                    + " on "
                                    + call,
                            MAINTENANCE));
            return new MediaFacts(null, null);
        }
        String source = MAINTENANCE + " /reports/media-destruction?environment=" + env;
        java.time.Instant lastAccepted = null;
        Set<String> accepted = new LinkedHashSet<>();
        Set<String> serials = new LinkedHashSet<>();
        for (JsonNode m : rows) {
            String serial = m.path("serial").asText(null);
            if (serial == null || serial.isBlank() || !m.path("inLedger").asBoolean(true)) {
                continue;
            }
            if (!serials.add(serial)) {
                continue; // the same medium in two pieces of hardware over time: one blocker
            }
            if (m.path("removedWithoutCustodyReference").asBoolean(false)) {
                blockers.add(
                        new Blocker(
                                "MEDIUM_REMOVED_WITHOUT_CUSTODY",
                                "medium-custody:" + serial,
                                "R-RM-3: medium "
                                        + serial
                                        + " left the ledger without a replacement or sanitization order "
                                        + "(removedWithoutCustodyReference): its custody is not accounted for",
                                source));
            }
            if (!m.path("destroyed").asBoolean(false)) {
                String status = m.path("custodyStatus").asText("unknown");
                String detail =
                        "NOT_TRACKED".equals(status)
                                ? "R-RM-3: no destruction evidence is known for medium " + serial
                                : "R-RM-3: medium "
                                        + serial
                                        + " has no accepted destruction evidence (status "
                                        + status
                                        + ")";
                if ("METHOD_NOT_CONFORMING".equals(m.path("pending").asText())) {
                    List<String> why = new ArrayList<>();
                    m.path("nonConformities").forEach(n -> why.add(n.asText()));
                    detail =
                            "R-RM-3: medium "
                                    + serial
                                    + "'s accepted evidence does not satisfy the rules: "
                                    + String.join("; ", why);
                }
                blockers.add(
                        new Blocker(
                                "MEDIUM_WITHOUT_ACCEPTED_EVIDENCE",
                                "medium:" + serial,
                                detail,
                                source));
                continue;
            }
            accepted.add(serial);
            if (m.hasNonNull("acceptedAt")) {
                java.time.Instant at = java.time.Instant.parse(m.get("acceptedAt").asText());
                if (lastAccepted == null || at.isAfter(lastAccepted)) {
                    lastAccepted = at;
                }
            }
        }
        return new MediaFacts(accepted, lastAccepted);
    }

    /**
     * (c) R-RM-3 / R-MT-3: maintenance-service's outstanding sanitization for the environment. Each
     * entry blocks, whatever its {@code kind} (an unknown kind too); an entry that names another
     * environment is not this one's.
     */
    private void outstandingSanitization(Environment env, List<Blocker> blockers) {
        List<JsonNode> list;
        try {
            // #15 item 10: every page (an unpaged answer is the whole list)
            list =
                    PagedList.readAll(
                            MAINTENANCE,
                            "GET /reports/outstanding-sanitization?environment=" + env,
                            p ->
                                    maintenance.outstandingSanitizationIn(
                                            env.name(), p, PagedList.PAGE_SIZE),
                            RemovalGate::outstandingEntries);
        } catch (Remote.Failure e) {
            blockers.add(
                    unavailable(
                            MAINTENANCE,
                            "GET /reports/outstanding-sanitization?environment=" + env,
                            e));
            return;
        } catch (RemoteList.Incomplete e) {
            blockers.add(
                    new Blocker(
                            "SERVICE_UNAVAILABLE",
                            "service:" + MAINTENANCE,
                            "maintenance-service's outstanding sanitization could not be read whole: "
                                    + e.getMessage(),
                            MAINTENANCE + " /reports/outstanding-sanitization?environment=" + env));
            return;
        }
        int n = 0;
        for (JsonNode entry : list) {
            n++;
            String entryEnv = entry.path("environment").asText(null);
            if (entryEnv != null && !entryEnv.isBlank() && !entryEnv.equalsIgnoreCase(env.name())) {
                continue;
            }
            String kind = entry.path("kind").asText("UNKNOWN");
            String serial = entry.path("serial").asText(null);
            String ref =
                    entry.hasNonNull("custodyItemId")
                            ? "custody-item:" + entry.get("custodyItemId").asText()
                            : serial != null ? "medium:" + serial : "entry:" + n;
            blockers.add(
                    new Blocker(
                            "OUTSTANDING_SANITIZATION",
                            "sanitization:" + ref,
                            "R-RM-3: maintenance-service lists "
                                    + (serial == null ? "an entry" : "medium " + serial)
                                    + " of kind "
                                    + kind
                                    + " as outstanding (no accepted destruction evidence, or removed without custody)"
                                    + (entry.hasNonNull("status")
                                            ? "; status " + entry.get("status").asText()
                                            : "")
                                    + (entry.hasNonNull("holder")
                                            ? "; held by " + entry.get("holder").asText()
                                            : ""),
                            MAINTENANCE + " /reports/outstanding-sanitization?environment=" + env));
        }
    }

    /**
     * (e) R-RM-4 / security 8): every copy of the work's information a vendor held is confirmed by
     * JPO.
     */
    private void vendorCopies(List<Blocker> blockers) {
        for (VendorCopy c : vendorCopies.unconfirmed()) {
            blockers.add(
                    new Blocker(
                            "VENDOR_COPY_NOT_CONFIRMED",
                            "vendor-copy:" + c.id,
                            "R-RM-4: "
                                    + c.kind
                                    + " of "
                                    + c.organisation
                                    + " ("
                                    + c.description
                                    + ") is "
                                    + c.status
                                    + (c.status == VendorCopy.Status.OPEN
                                            ? ": its return, destruction or erasure is not recorded"
                                            : ": JPO has not confirmed its " + c.disposition),
                            SELF + " /vendor-copies/" + c.id));
        }
    }

    /**
     * The entries of one answer of outstanding sanitization: the array, or the array of an object.
     */
    public static JsonNode outstandingEntries(JsonNode answer) {
        if (answer != null && answer.isObject()) {
            return answer.has("items")
                    ? answer.get("items")
                    : answer.has("entries") ? answer.get("entries") : answer.get("outstanding");
        }
        return answer;
    }

    /** (b) R-BK-5/R-RM-3: every backup copy still held is accounted for. */
    private void backupCopies(Environment env, List<Blocker> blockers) {
        List<JsonNode> list;
        try {
            // #15 item 10: every page, 200 at a time, until X-Total-Count copies are read
            list =
                    PagedList.readAll(
                            BACKUP,
                            "GET /reports/backup-copies?environment=" + env,
                            p -> backup.backupCopies(env.name(), p, PagedList.PAGE_SIZE),
                            body -> body.has("copies") ? body.get("copies") : body);
        } catch (Remote.Failure e) {
            blockers.add(unavailable(BACKUP, "GET /reports/backup-copies?environment=" + env, e));
            return;
        } catch (RemoteList.Incomplete e) {
            blockers.add(
                    new Blocker(
                            "SERVICE_UNAVAILABLE",
                            "service:" + BACKUP,
                            "backup-service's copies could not "
                                    + "be read whole: "
                                    + e.getMessage(),
                            BACKUP + " /reports/backup-copies?environment=" + env));
            return;
        }
        for (JsonNode copy : list) {
            if (!copy.path("accountedFor").asBoolean(false)) {
                // backup-service's BackupCopy: one copy per run (runId), of targetName on
                // arrayHardwareId
                String id =
                        copy.hasNonNull("runId")
                                ? copy.get("runId").asText()
                                : copy.path("id").asText("?");
                blockers.add(
                        new Blocker(
                                "BACKUP_COPY_NOT_ACCOUNTED_FOR",
                                "backup-copy:" + id,
                                "R-RM-3: backup copy "
                                        + id
                                        + " ("
                                        + copy.path("reference").asText("")
                                        + ") of "
                                        + copy.path("targetName").asText("?")
                                        + " on array "
                                        + copy.path("arrayHardwareId").asText("?")
                                        + " still exists and is not accounted for (pruned, or its media destroyed with accepted "
                                        + "evidence): "
                                        + copy.path("accountedBy").asText(""),
                                BACKUP + " /reports/backup-copies?environment=" + env));
            }
        }
    }

    /** (c) R-RM-1: the site restored (原状復帰), each item signed by jpo-admin. */
    private void checklist(Environment env, List<Blocker> blockers) {
        for (RestorationItem i : restoration.list("environment = ?1 order by id", env)) {
            if (i.signedAt == null) {
                blockers.add(
                        new Blocker(
                                "RESTORATION_NOT_SIGNED",
                                "checklist:" + i.itemCode,
                                "R-RM-1: 原状復帰 item " + i.label + " is not signed off by JPO",
                                SELF + " /removal/" + env + "/checklist/" + i.itemCode));
            }
        }
    }

    /**
     * (e) R-RM-4: before production is removed, the records are handed over: an archive built after
     * PRODUCTION entered REMOVING, that holds the accepted destruction evidence of every medium of
     * the environment (built after the last acceptance), and whose receipt JPO recorded with the
     * archive's SHA-256.
     */
    private void archive(EnvironmentPhase phase, MediaFacts media, List<Blocker> blockers) {
        List<io.kiban.lifecycle.archive.Archive> built =
                phase.removingEnteredAt == null
                        ? List.of()
                        : archives.list(
                                "createdAt >= ?1 order by createdAt desc, id desc",
                                phase.removingEnteredAt);
        if (built.isEmpty()) {
            blockers.add(
                    new Blocker(
                            "ARCHIVE_NOT_HANDED_OVER",
                            "archive",
                            "R-RM-4: no archive of the records was handed over after PRODUCTION entered REMOVING",
                            SELF + " POST /archive"));
            return;
        }
        io.kiban.lifecycle.archive.Archive latest = built.get(0);
        io.kiban.lifecycle.archive.Archive olderReceived = null;
        List<String> olderMissing = List.of();
        for (io.kiban.lifecycle.archive.Archive a : built) {
            if (a.receivedAt == null) {
                continue;
            }
            if (media.serials() == null) {
                return; // asset- or maintenance-service could not be asked: already a blocker
            }
            Set<String> held = archiveService.acceptedMedia(a.id);
            List<String> missing = media.serials().stream().filter(s -> !held.contains(s)).toList();
            boolean olderThanAcceptance =
                    media.lastAcceptedAt() != null && a.createdAt.isBefore(media.lastAcceptedAt());
            if (missing.isEmpty() && !olderThanAcceptance) {
                return; // a received archive that holds every accepted evidence of the environment
            }
            if (olderReceived == null) {
                olderReceived = a;
                olderMissing = missing;
            }
        }
        if (latest.receivedAt == null) {
            blockers.add(
                    new Blocker(
                            "ARCHIVE_RECEIPT_NOT_RECORDED",
                            "archive:" + latest.id,
                            "R-RM-4: JPO has not recorded receiving archive "
                                    + latest.id
                                    + " (the SHA-256 computed from the "
                                    + "downloaded file)",
                            SELF + " POST /archive/" + latest.id + "/receipt"));
            return;
        }
        blockers.add(
                new Blocker(
                        "ARCHIVE_OLDER_THAN_EVIDENCE",
                        "archive:" + olderReceived.id,
                        "R-RM-4: received archive "
                                + olderReceived.id
                                + " (built "
                                + olderReceived.createdAt
                                + ") does not hold "
                                + "the accepted destruction evidence of "
                                + (olderMissing.isEmpty()
                                        ? "every medium (the last was accepted "
                                                + media.lastAcceptedAt()
                                                + ")"
                                        : olderMissing.size()
                                                + " medium/media: "
                                                + String.join(
                                                        ", ",
                                                        olderMissing.stream().limit(20).toList()))
                                + "; build a new archive after the last acceptance and record its receipt",
                        SELF + " POST /archive"));
    }

    /** The service did not answer usefully (commons' {@link Remote}): a blocker naming it. */
    private static Blocker unavailable(String service, String call, Remote.Failure e) {
        return new Blocker(
                "SERVICE_UNAVAILABLE",
                "service:" + service,
                "could not be checked: "
                        + service
                        + (e.status() == 0 ? " is unreachable" : " answered HTTP " + e.status())
                        + " on "
                        + call
                        + (e.detail().isEmpty() ? "" : ": " + e.detail()),
                service);
    }
}
