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
public class ReportService {

    private final TargetRepository targets;
    private final RunRepository runs;
    private final PolicyRepository policies;
    private final PolicyMapper policyMapper;
    private final DrillService drills;
    private final MaintenanceGateway maintenance;
    private final Clock clock;

    public ReportService(TargetRepository targets, RunRepository runs, PolicyRepository policies,
            PolicyMapper policyMapper, DrillService drills, MaintenanceGateway maintenance, Clock clock) {
        this.targets = targets;
        this.runs = runs;
        this.policies = policies;
        this.policyMapper = policyMapper;
        this.drills = drills;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    /**
     * R-BK-5: every backup copy still held (not pruned) on the arrays, optionally with the pruned ones. A copy
     * is accounted for once pruned, or once every medium of its array has destruction evidence JPO accepted.
     */
    public List<BackupCopy> copies(BackupTarget.ArrayKind array, BackupTarget.Environment environment,
            boolean includePruned) {
        Set<BackupRun.State> states = EnumSet.copyOf(BackupRun.State.HOLDS_COPY);
        if (includePruned) {
            states.add(BackupRun.State.PRUNED);
        }
        Map<String, MediaDestruction> destruction = new HashMap<>();
        List<BackupCopy> copies = new ArrayList<>();
        for (BackupTarget t : targets.listAll(Sort.by("id"))) {
            if ((array != null && t.arrayKind != array) || (environment != null && t.environment != environment)) {
                continue;
            }
            List<BackupRun> held = runs.list("targetId = ?1 and state in ?2 and driverReference is not null",
                    Sort.by("id"), t.id, states);
            for (BackupRun r : held) {
                boolean pruned = r.state == BackupRun.State.PRUNED;
                MediaDestruction media = pruned ? null
                        : destruction.computeIfAbsent(t.arrayHardwareId, maintenance::mediaDestroyed);
                String by = pruned ? "pruned " + r.prunedAt
                        : media.accepted() ? "destruction evidence accepted for every medium of " + t.arrayHardwareId
                        : media.note() != null ? media.note()
                        : "media without accepted destruction evidence: " + String.join(", ", media.pendingSerials());
                copies.add(new BackupCopy(r.id, t.id, t.name, t.arrayKind, t.arrayHardwareId, t.environment,
                        r.policyId, r.driver, r.driverReference, r.state, r.endedAt, r.bytes,
                        pruned || media.accepted(), by));
            }
        }
        return copies;
    }

    @Transactional
    public Records records() {
        Instant now = clock.instant();
        return new Records("backup-service", now,
                targets.listAll(Sort.by("id")).stream().map(TargetView::of).toList(),
                policies.listAll(Sort.by("id")).stream().map(p -> policyMapper.view(p, now)).toList(),
                runs.listAll(Sort.by("id")).stream().map(RunView::of).toList(),
                drills.all());
    }
}
