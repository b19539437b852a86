package io.kiban.backup.drill;

import io.kiban.backup.drill.DrillDtos.DrillInput;
import io.kiban.backup.drill.DrillDtos.DrillReportLine;
import io.kiban.backup.drill.DrillDtos.DrillView;
import io.kiban.backup.run.BackupRun;
import io.kiban.backup.run.RunRepository;
import io.kiban.backup.target.BackupTarget;
import io.kiban.backup.target.TargetRepository;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** R-BK-4: restore drills are recorded with who, when, what, how long and the result. */
@ApplicationScoped
public class DrillService {

    private final DrillRepository drills;
    private final TargetRepository targets;
    private final RunRepository runs;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public DrillService(
            DrillRepository drills,
            TargetRepository targets,
            RunRepository runs,
            AuditTrail audit,
            Caller caller,
            Clock clock) {
        this.drills = drills;
        this.targets = targets;
        this.runs = runs;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public DrillView record(DrillInput input) {
        if (targets.findByIdOptional(input.targetId()).isEmpty()) {
            throw ProblemException.unknownReference("targetId", input.targetId());
        }
        BackupRun run =
                runs.findByIdOptional(input.runId())
                        .orElseThrow(
                                () -> ProblemException.unknownReference("runId", input.runId()));
        if (!run.targetId.equals(input.targetId())) {
            throw ProblemException.rule(
                    "R-BK-4",
                    "run "
                            + run.id
                            + " is a backup of target "
                            + run.targetId
                            + ", not of "
                            + input.targetId());
        }
        if (run.driverReference == null
                || !(BackupRun.State.HOLDS_COPY.contains(run.state)
                        || run.state == BackupRun.State.PRUNED)) {
            throw ProblemException.rule(
                    "R-BK-4",
                    "run " + run.id + " is " + run.state + " and left no backup to restore from");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (input.performedAt() != null && input.performedAt().isAfter(now.plusSeconds(300))) {
            throw ProblemException.badField("performedAt", "is in the future");
        }
        RestoreDrill d = new RestoreDrill();
        d.targetId = input.targetId();
        d.runId = input.runId();
        d.performedBy = caller.name();
        d.performedByOrg = caller.organisation().orElse(null);
        d.performedAt =
                input.performedAt() == null
                        ? now
                        : input.performedAt().truncatedTo(ChronoUnit.MICROS);
        d.durationSeconds = input.durationSeconds();
        d.result = input.result();
        d.notes = input.notes();
        d.evidence = input.evidence();
        d.recordedAt = now;
        drills.persist(d);
        drills.flush();
        DrillView view = DrillView.of(d);
        audit.append("record", "restore-drill", d.id, view);
        return view;
    }

    public DrillView get(long id) {
        return DrillView.of(find(id));
    }

    /**
     * R-BK-4: attaches the drill's evidence file — by jpo-admin or the organisation that performed
     * the drill. A drill has one evidence file, never replaced: the same file again is answered as
     * before, another is 409.
     */
    @Transactional
    public DrillView attach(
            long id, String fileName, io.kiban.commons.files.ContentStore.Stored stored) {
        RestoreDrill d =
                drills.getEntityManager()
                        .find(
                                RestoreDrill.class,
                                id,
                                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("restore drill", id);
        }
        requireMayAttach(d);
        if (d.evidenceSha256 != null) {
            if (d.evidenceSha256.equals(stored.sha256())) {
                return DrillView.of(d);
            }
            throw ProblemException.conflict(
                    "R-BK-4",
                    "drill "
                            + id
                            + " already has its evidence file "
                            + d.evidenceSha256
                            + " ("
                            + d.evidenceFileName
                            + "); evidence is never replaced",
                    null);
        }
        d.evidenceSha256 = stored.sha256();
        d.evidenceFileName = fileName;
        d.evidenceContentType = stored.sniffedType();
        d.evidenceSize = stored.size();
        d.evidenceUploadedBy = caller.name();
        d.evidenceUploadedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DrillView view = DrillView.of(d);
        audit.append("attach-evidence", "restore-drill", d.id, view);
        return view;
    }

    /**
     * SEC-BK-6: 404 for an unknown drill, 403 unless the caller is jpo-admin or of the organisation
     * that performed it — checked before a byte of the upload is read.
     */
    public void requireMayAttach(long id) {
        RestoreDrill d = find(id);
        requireMayAttach(d);
    }

    private void requireMayAttach(RestoreDrill d) {
        if (!caller.hasRole(io.kiban.commons.security.Roles.JPO_ADMIN)
                && (d.performedByOrg == null
                        || !caller.organisation().map(d.performedByOrg::equals).orElse(false))) {
            throw new ProblemException(
                    io.kiban.commons.problem.ProblemType.FORBIDDEN,
                    "only jpo-admin or the organisation that performed drill "
                            + d.id
                            + " may attach its evidence",
                    DrillEvidence.RULE,
                    null,
                    null);
        }
    }

    private RestoreDrill find(long id) {
        return drills.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("restore drill", id));
    }

    public Page<DrillView> list(Long targetId, PageRequest page) {
        var query =
                targetId == null
                        ? drills.findAll(Sort.descending("performedAt", "id"))
                        : drills.find("targetId", Sort.descending("performedAt", "id"), targetId);
        query.page(page.page(), page.size());
        return new Page<>(query.list().stream().map(DrillView::of).toList(), query.count(), page);
    }

    public List<DrillView> all() {
        return drills.listAll(Sort.by("id")).stream().map(DrillView::of).toList();
    }

    /**
     * R-BK-4: per target (filtered, in target-id order, paged in SQL), its drills, the last one and
     * the last successful one with its age.
     */
    public Page<DrillReportLine> report(
            BackupTarget.ArrayKind array,
            BackupTarget.Environment environment,
            String arrayHardwareId,
            PageRequest page) {
        Instant now = clock.instant();
        var query = targets.filtered(array, environment, arrayHardwareId);
        query.page(page.page(), page.size());
        List<DrillReportLine> lines =
                query.list().stream()
                        .map(
                                t -> {
                                    List<RestoreDrill> list =
                                            drills.list(
                                                    "targetId",
                                                    Sort.descending("performedAt", "id"),
                                                    t.id);
                                    RestoreDrill last = list.isEmpty() ? null : list.get(0);
                                    RestoreDrill lastOk =
                                            list.stream()
                                                    .filter(
                                                            d ->
                                                                    d.result
                                                                            == RestoreDrill.Result
                                                                                    .SUCCEEDED)
                                                    .findFirst()
                                                    .orElse(null);
                                    return new DrillReportLine(
                                            t.id,
                                            t.name,
                                            list.size(),
                                            last == null ? null : last.performedAt,
                                            last == null ? null : last.result,
                                            lastOk == null ? null : lastOk.id,
                                            lastOk == null ? null : lastOk.performedAt,
                                            lastOk == null
                                                    ? null
                                                    : Duration.between(lastOk.performedAt, now)
                                                            .toDays());
                                })
                        .toList();
        return new Page<>(lines, query.count(), page);
    }
}
