package io.kiban.backup.report;

import io.kiban.backup.drill.DrillService;
import io.kiban.backup.policy.PolicyMapper;
import io.kiban.backup.policy.PolicyRepository;
import io.kiban.backup.remote.MaintenanceGateway;
import io.kiban.backup.remote.MaintenanceGateway.MediaDestruction;
import io.kiban.backup.report.ReportDtos.BackupCopy;
import io.kiban.backup.report.ReportDtos.Records;
import io.kiban.backup.run.BackupRun;
import io.kiban.backup.run.RunDtos.RunView;
import io.kiban.backup.run.RunRepository;
import io.kiban.backup.target.BackupTarget;
import io.kiban.backup.target.TargetDtos.TargetView;
import io.kiban.backup.target.TargetRepository;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@ApplicationScoped
class ReportService {

    private final TargetRepository targets;
    private final RunRepository runs;
    private final PolicyRepository policies;
    private final PolicyMapper policyMapper;
    private final DrillService drills;
    private final MaintenanceGateway maintenance;
    private final Clock clock;

    public ReportService(
            TargetRepository targets,
            RunRepository runs,
            PolicyRepository policies,
            PolicyMapper policyMapper,
            DrillService drills,
            MaintenanceGateway maintenance,
            Clock clock) {
        this.targets = targets;
        this.runs = runs;
        this.policies = policies;
        this.policyMapper = policyMapper;
        this.drills = drills;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    /**
     * R-BK-5: every backup copy still held (not pruned) on the arrays, optionally with the pruned
     * ones, one page in (target id, run id) order, paged in SQL. A copy is accounted for once
     * pruned, or once every medium of its array has destruction evidence JPO accepted (asked once
     * per array of the page).
     */
    public Page<BackupCopy> copies(
            BackupTarget.ArrayKind array,
            BackupTarget.Environment environment,
            String arrayHardwareId,
            boolean includePruned,
            PageRequest page) {
        Set<BackupRun.State> states = EnumSet.copyOf(BackupRun.State.HOLDS_COPY);
        if (includePruned) {
            states.add(BackupRun.State.PRUNED);
        }
        List<String> where =
                new ArrayList<>(List.of("r.state in :states", "r.driverReference is not null"));
        Parameters params = Parameters.with("states", states);
        List<String> targetWhere = new ArrayList<>();
        if (array != null) {
            targetWhere.add("t.arrayKind = :array");
            params.and("array", array);
        }
        if (environment != null) {
            targetWhere.add("t.environment = :environment");
            params.and("environment", environment);
        }
        if (arrayHardwareId != null && !arrayHardwareId.isBlank()) {
            targetWhere.add("t.arrayHardwareId = :hardware");
            params.and("hardware", arrayHardwareId);
        }
        if (!targetWhere.isEmpty()) {
            where.add(
                    "r.targetId in (select t.id from BackupTarget t where "
                            + String.join(" and ", targetWhere)
                            + ")");
        }
        var query =
                runs.find(
                        "from BackupRun r where "
                                + String.join(" and ", where)
                                + " order by r.targetId, r.id",
                        params);
        query.page(page.page(), page.size());
        List<BackupRun> held = query.list();
        Map<Long, BackupTarget> byId = new HashMap<>();
        if (!held.isEmpty()) {
            for (BackupTarget t :
                    targets.list(
                            "id in ?1", held.stream().map(r -> r.targetId).distinct().toList())) {
                byId.put(t.id, t);
            }
        }
        Map<String, MediaDestruction> destruction = new HashMap<>();
        List<BackupCopy> copies = new ArrayList<>();
        for (BackupRun r : held) {
            BackupTarget t = byId.get(r.targetId);
            boolean pruned = r.state == BackupRun.State.PRUNED;
            MediaDestruction media =
                    pruned
                            ? null
                            : destruction.computeIfAbsent(
                                    t.arrayHardwareId, maintenance::mediaDestroyed);
            String by =
                    pruned
                            ? "pruned " + r.prunedAt
                            : media.accepted()
                                    ? "destruction evidence accepted for every medium of "
                                            + t.arrayHardwareId
                                    : media.note() != null
                                            ? media.note()
                                            : "media without accepted destruction evidence: "
                                                    + String.join(", ", media.pendingSerials());
            copies.add(
                    new BackupCopy(
                            r.id,
                            t.id,
                            t.name,
                            t.arrayKind,
                            t.arrayHardwareId,
                            t.environment,
                            r.policyId,
                            r.driver,
                            r.driverReference,
                            r.state,
                            r.endedAt,
                            r.bytes,
                            pruned || media.accepted(),
                            by));
        }
        return new Page<>(copies, query.count(), page);
    }

    @Transactional
    public Records records() {
        Instant now = clock.instant();
        return new Records(
                "backup-service",
                now,
                targets.listAll(Sort.by("id")).stream().map(TargetView::of).toList(),
                policies.listAll(Sort.by("id")).stream()
                        .map(p -> policyMapper.view(p, now))
                        .toList(),
                runs.listAll(Sort.by("id")).stream().map(RunView::of).toList(),
                drills.all());
    }
}
