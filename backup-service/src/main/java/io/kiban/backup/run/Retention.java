package io.kiban.backup.run;

import io.kiban.backup.driver.BackupDriver;
import io.kiban.backup.driver.DriverRegistry;
import io.kiban.backup.policy.BackupPolicy;
import io.kiban.backup.policy.PolicyMapper;
import io.kiban.backup.policy.PolicyRepository;
import io.kiban.backup.target.TargetDtos.TargetView;
import io.kiban.backup.target.TargetRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * R-BK-2: keeps the policy's generations (keep last N, plus the newest copy of each of the last D
 * days, W ISO weeks and M months in the policy's time zone) and prunes the rest through the driver
 * — never the target's last successful backup, whatever the counts say.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** A copy as retention sees it. */
    public record Copy(long runId, Instant at, String reference) {}

    private record Plan(
            List<Copy> prune, TargetView target, String driver, Map<String, Object> settings) {}

    private final RunRepository runs;
    private final PolicyRepository policies;
    private final TargetRepository targets;
    private final PolicyMapper mapper;
    private final DriverRegistry drivers;
    private final RunLedger ledger;

    public Retention(
            RunRepository runs,
            PolicyRepository policies,
            TargetRepository targets,
            PolicyMapper mapper,
            DriverRegistry drivers,
            RunLedger ledger) {
        this.runs = runs;
        this.policies = policies;
        this.targets = targets;
        this.mapper = mapper;
        this.drivers = drivers;
        this.ledger = ledger;
    }

    /**
     * Prunes what the policy no longer keeps for the target; returns how many copies were pruned.
     */
    public int prune(long policyId, long targetId) {
        Plan plan = QuarkusTransaction.requiringNew().call(() -> plan(policyId, targetId));
        if (plan == null || plan.prune().isEmpty()) {
            return 0;
        }
        BackupDriver driver = drivers.find(plan.driver()).orElse(null);
        int pruned = 0;
        for (Copy copy : plan.prune()) {
            try {
                if (driver == null) {
                    throw new IllegalStateException(
                            "driver " + plan.driver() + " is not available");
                }
                driver.delete(plan.target().forDriver(), copy.reference(), plan.settings());
                ledger.pruned(copy.runId());
                pruned++;
            } catch (RuntimeException e) {
                LOG.warnf(
                        "could not prune run %d (%s): %s",
                        copy.runId(), copy.reference(), e.getMessage());
                ledger.pruneFailed(copy.runId(), e.getMessage());
            }
        }
        return pruned;
    }

    private Plan plan(long policyId, long targetId) {
        BackupPolicy policy = policies.findById(policyId);
        var target = targets.findById(targetId);
        if (policy == null || target == null) {
            return null;
        }
        List<Copy> copies =
                runs.copies(policyId, targetId).stream()
                        .map(
                                r ->
                                        new Copy(
                                                r.id,
                                                r.endedAt != null ? r.endedAt : r.expectedFireTime,
                                                r.driverReference))
                        .toList();
        Long lastGood = runs.lastSuccess(targetId).map(r -> r.id).orElse(null);
        Set<Long> keep =
                keep(
                        copies,
                        policy.keepLast,
                        policy.keepDaily,
                        policy.keepWeekly,
                        policy.keepMonthly,
                        ZoneId.of(policy.timeZone),
                        lastGood);
        return new Plan(
                copies.stream().filter(c -> !keep.contains(c.runId())).toList(),
                TargetView.of(target),
                policy.driver,
                mapper.settings(policy));
    }

    /** The run ids to keep among {@code copies} (newest first). */
    public static Set<Long> keep(
            List<Copy> copies,
            int keepLast,
            int daily,
            int weekly,
            int monthly,
            ZoneId zone,
            Long lastGood) {
        Set<Long> keep = new LinkedHashSet<>();
        copies.stream().limit(Math.max(1, keepLast)).forEach(c -> keep.add(c.runId()));
        newestPer(copies, daily, zone, z -> z.toLocalDate(), keep);
        newestPer(
                copies,
                weekly,
                zone,
                z ->
                        z.get(IsoFields.WEEK_BASED_YEAR) * 100
                                + z.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                keep);
        newestPer(copies, monthly, zone, z -> z.getYear() * 100 + z.getMonthValue(), keep);
        if (lastGood != null) {
            keep.add(lastGood);
        }
        return keep;
    }

    private static void newestPer(
            List<Copy> copies,
            int count,
            ZoneId zone,
            Function<ZonedDateTime, Object> bucket,
            Set<Long> keep) {
        Set<Object> seen = new HashSet<>();
        for (Copy c : copies) {
            if (seen.size() >= count) {
                return;
            }
            if (seen.add(bucket.apply(c.at().atZone(zone)))) {
                keep.add(c.runId());
            }
        }
    }
}
