package io.kiban.lifecycle.removal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.commons.time.ClockProducer;
import io.kiban.lifecycle.archive.ArchiveService.ArchiveRepository;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.phase.EnvironmentPhase;
import io.kiban.lifecycle.phase.Phase;
import io.kiban.lifecycle.phase.PhaseService.PhaseRepository;
import io.kiban.lifecycle.phase.RestorationItem;
import io.kiban.lifecycle.phase.RestorationService.RestorationRepository;
import io.kiban.lifecycle.removal.RemovalDtos.Blocker;
import io.kiban.lifecycle.support.AssetClient;
import io.kiban.lifecycle.support.AssetClient.MediumFact;
import io.kiban.lifecycle.support.BackupClient;
import io.kiban.lifecycle.support.Environment;
import io.kiban.lifecycle.support.MaintenanceClient;
import io.kiban.lifecycle.support.MaintenanceClient.EvidenceStatus;
import io.kiban.lifecycle.support.Remote;
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
 * The removal gate (R-RM-1, R-RM-3, R-RM-4, R-LC-8). An environment may reach REMOVED only when
 * (a) every data-bearing medium ever installed in it has accepted destruction evidence,
 * (b) every backup copy on its arrays is accounted for, (c) the restoration checklist is signed,
 * (d) for PRODUCTION an archive was handed over after it entered REMOVING, (e) the removal deadline has not
 * passed or a reason is recorded; and SHARED only after both environments are removed. A service that
 * cannot be asked is itself a blocker: the gate never passes on silence.
 */
@ApplicationScoped
public class RemovalGate {

    public static final String ASSET = "asset-service";
    public static final String MAINTENANCE = "maintenance-service";
    public static final String BACKUP = "backup-service";
    public static final String SELF = "lifecycle-service";

    private final AssetClient asset;
    private final MaintenanceClient maintenance;
    private final BackupClient backup;
    private final PhaseRepository phases;
    private final RestorationRepository restoration;
    private final ArchiveRepository archives;
    private final ContractService contracts;
    private final Clock clock;

    public RemovalGate(@RestClient AssetClient asset, @RestClient MaintenanceClient maintenance,
            @RestClient BackupClient backup, PhaseRepository phases, RestorationRepository restoration,
            ArchiveRepository archives, ContractService contracts, Clock clock) {
        this.asset = asset;
        this.maintenance = maintenance;
        this.backup = backup;
        this.phases = phases;
        this.restoration = restoration;
        this.archives = archives;
        this.contracts = contracts;
        this.clock = clock;
    }

    @Transactional
    public List<Blocker> blockers(Environment env) {
        List<Blocker> blockers = new ArrayList<>();
        media(env, blockers);
        backupCopies(env, blockers);
        checklist(env, blockers);
        EnvironmentPhase phase = phases.findById(env);
        if (env == Environment.PRODUCTION) {
            archive(phase, blockers);
        }
        if (env == Environment.SHARED) {
            for (Environment other : List.of(Environment.PRODUCTION, Environment.STAGING)) {
                Phase p = phases.findById(other).phase;
                if (!p.atLeast(Phase.REMOVED)) {
                    blockers.add(new Blocker("ENVIRONMENT_NOT_REMOVED", "phase:" + other,
                            "the shared distribution board is removed with the last environment; " + other + " is " + p,
                            SELF + " /phases/" + other));
                }
            }
        }
        Contract c = contracts.contract();
        if (today().isAfter(c.removalDeadline) && (phase.lateRemovalReason == null || phase.lateRemovalReason.isBlank())) {
            blockers.add(new Blocker("REMOVAL_DEADLINE_PASSED", "removal-deadline",
                    "R-LC-8: the removal deadline " + c.removalDeadline + " has passed and no reason is recorded",
                    SELF + " /removal/" + env + "/late-reason"));
        }
        return blockers;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ClockProducer.JPO_ZONE));
    }

    /** (a) R-RM-3: every medium ever installed, including media replaced years before. */
    private void media(Environment env, List<Blocker> blockers) {
        List<MediumFact> media;
        try {
            media = Remote.call(ASSET, () -> asset.media(env.name(), "removed"));
        } catch (Remote.Unavailable e) {
            blockers.add(unavailable(ASSET, "GET /media?environment=" + env + "&include=removed", e));
            return;
        }
        Set<String> serials = new LinkedHashSet<>();
        for (MediumFact m : media) {
            if (m.serial() != null) {
                serials.add(m.serial());
            }
        }
        for (String serial : serials) {
            EvidenceStatus status;
            try {
                status = Remote.call(MAINTENANCE, () -> maintenance.evidenceStatus(serial));
            } catch (Remote.Unavailable e) {
                if (e.status() == 404) {
                    blockers.add(new Blocker("MEDIUM_WITHOUT_ACCEPTED_EVIDENCE", "medium:" + serial,
                            "R-RM-3: no destruction evidence is known for medium " + serial,
                            MAINTENANCE + " /media/" + serial + "/evidence-status"));
                    continue;
                }
                blockers.add(unavailable(MAINTENANCE, "GET /media/{serial}/evidence-status (" + serials.size()
                        + " media unchecked)", e));
                return;
            }
            if (status == null || !status.accepted()) {
                blockers.add(new Blocker("MEDIUM_WITHOUT_ACCEPTED_EVIDENCE", "medium:" + serial,
                        "R-RM-3: medium " + serial + " has no accepted destruction evidence (status "
                                + (status == null ? "unknown" : status.status()) + ")",
                        MAINTENANCE + " /media/" + serial + "/evidence-status"));
            }
        }
    }

    /** (b) R-BK-5/R-RM-3: every backup copy still held is accounted for. */
    private void backupCopies(Environment env, List<Blocker> blockers) {
        JsonNode copies;
        try {
            copies = Remote.call(BACKUP, () -> backup.backupCopies(env.name()));
        } catch (Remote.Unavailable e) {
            blockers.add(unavailable(BACKUP, "GET /reports/backup-copies?environment=" + env, e));
            return;
        }
        JsonNode list = copies != null && copies.has("copies") ? copies.get("copies") : copies;
        if (list == null || !list.isArray()) {
            blockers.add(new Blocker("SERVICE_UNAVAILABLE", "service:" + BACKUP,
                    "backup-service answered something other than a list of copies", BACKUP + " /reports/backup-copies"));
            return;
        }
        for (JsonNode copy : list) {
            if (!copy.path("accountedFor").asBoolean(false)) {
                // backup-service's BackupCopy: one copy per run (runId), of targetName on arrayHardwareId
                String id = copy.hasNonNull("runId") ? copy.get("runId").asText() : copy.path("id").asText("?");
                blockers.add(new Blocker("BACKUP_COPY_NOT_ACCOUNTED_FOR", "backup-copy:" + id,
                        "R-RM-3: backup copy " + id + " (" + copy.path("reference").asText("") + ") of "
                                + copy.path("targetName").asText("?") + " on array " + copy.path("arrayHardwareId").asText("?")
                                + " still exists and is not accounted for (pruned, or its media destroyed with accepted "
                                + "evidence): " + copy.path("accountedBy").asText(""),
                        BACKUP + " /reports/backup-copies?environment=" + env));
            }
        }
    }

    /** (c) R-RM-1: the site restored (原状復帰), each item signed by jpo-admin. */
    private void checklist(Environment env, List<Blocker> blockers) {
        for (RestorationItem i : restoration.list("environment = ?1 order by id", env)) {
            if (i.signedAt == null) {
                blockers.add(new Blocker("RESTORATION_NOT_SIGNED", "checklist:" + i.itemCode,
                        "R-RM-1: 原状復帰 item " + i.label + " is not signed off by JPO",
                        SELF + " /removal/" + env + "/checklist/" + i.itemCode));
            }
        }
    }

    /** (d) R-RM-4: before production is removed, the records are handed over. */
    private void archive(EnvironmentPhase phase, List<Blocker> blockers) {
        boolean handedOver = phase.removingEnteredAt != null
                && archives.count("createdAt >= ?1", phase.removingEnteredAt) > 0;
        if (!handedOver) {
            blockers.add(new Blocker("ARCHIVE_NOT_HANDED_OVER", "archive",
                    "R-RM-4: no archive of the records was handed over after PRODUCTION entered REMOVING",
                    SELF + " POST /archive"));
        }
    }

    private static Blocker unavailable(String service, String call, Remote.Unavailable e) {
        return new Blocker("SERVICE_UNAVAILABLE", "service:" + service,
                "could not be checked: " + e.getMessage() + " on " + call, service);
    }
}
