package io.kiban.backup.policy;

import io.kiban.backup.driver.BackupDriver;
import io.kiban.backup.driver.DriverRegistry;
import io.kiban.backup.policy.PolicyDtos.PolicyInput;
import io.kiban.backup.policy.PolicyDtos.PolicyView;
import io.kiban.backup.target.BackupTarget;
import io.kiban.backup.target.TargetRepository;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.concurrency.ETags;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartz.CronExpression;

/**
 * Policies: validation of cron, zone, retention and driver settings; pause/resume. The scheduler
 * follows through {@link PolicyEvents} fired in the same transaction (#19: policy does not call
 * back into scheduling).
 */
@ApplicationScoped
public class PolicyService {

    public static final String DEFAULT_ZONE = "Asia/Tokyo";

    /**
     * Issue 15 item 3: what JPO alone may weaken, how often a schedule may fire, no run of a paused
     * policy.
     */
    public static final String RULE = "SEC-BK-3";

    private final PolicyRepository policies;
    private final TargetRepository targets;
    private final DriverRegistry drivers;
    private final Event<PolicyEvents.ScheduleChanged> scheduleChanged;
    private final Event<PolicyEvents.Deleted> deleted;
    private final PolicyMapper mapper;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;
    private final io.kiban.backup.support.BackupConfig config;

    public PolicyService(
            PolicyRepository policies,
            TargetRepository targets,
            DriverRegistry drivers,
            Event<PolicyEvents.ScheduleChanged> scheduleChanged,
            Event<PolicyEvents.Deleted> deleted,
            PolicyMapper mapper,
            AuditTrail audit,
            Caller caller,
            Clock clock,
            io.kiban.backup.support.BackupConfig config) {
        this.config = config;
        this.policies = policies;
        this.targets = targets;
        this.drivers = drivers;
        this.scheduleChanged = scheduleChanged;
        this.deleted = deleted;
        this.mapper = mapper;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    public Page<PolicyView> list(PageRequest page) {
        var query = policies.findAll(io.quarkus.panache.common.Sort.by("id"));
        query.page(page.page(), page.size());
        Instant now = clock.instant();
        return new Page<>(
                query.list().stream().map(p -> mapper.view(p, now)).toList(), query.count(), page);
    }

    public PolicyView get(long id) {
        return mapper.view(find(id), clock.instant());
    }

    @Transactional
    public PolicyView create(PolicyInput input) {
        validate(input);
        policies.find("name", input.name())
                .firstResultOptional()
                .ifPresent(
                        existing -> {
                            throw ProblemException.conflict(
                                    "a policy named " + input.name() + " exists",
                                    List.of(
                                            Problem.Conflict.of(
                                                    "policy",
                                                    String.valueOf(existing.id),
                                                    "same name")));
                        });
        Instant now = now();
        BackupPolicy p = new BackupPolicy();
        p.createdAt = now;
        p.scheduleFrom = now;
        apply(p, input);
        policies.persist(p);
        policies.flush();
        scheduleChanged.fire(new PolicyEvents.ScheduleChanged(p, now));
        PolicyView view = mapper.view(p, now);
        audit.append("create", "backup-policy", p.id, view);
        return view;
    }

    @Transactional
    public PolicyView update(long id, String ifMatch, PolicyInput input) {
        BackupPolicy p = find(id);
        ETags.check(ifMatch, p.version);
        validate(input);
        policies.find("name = ?1 and id <> ?2", input.name(), id)
                .firstResultOptional()
                .ifPresent(
                        existing -> {
                            throw ProblemException.conflict(
                                    "a policy named " + input.name() + " exists",
                                    List.of(
                                            Problem.Conflict.of(
                                                    "policy",
                                                    String.valueOf(existing.id),
                                                    "same name")));
                        });
        boolean wasPaused = p.paused;
        String oldSchedule = p.cron + "|" + p.timeZone;
        apply(p, input);
        Instant now = now();
        if (wasPaused && !p.paused) {
            p.scheduleFrom = now;
        }
        if (wasPaused != p.paused || !oldSchedule.equals(p.cron + "|" + p.timeZone)) {
            scheduleChanged.fire(new PolicyEvents.ScheduleChanged(p, now));
        }
        policies.flush();
        PolicyView view = mapper.view(p, now);
        audit.append("update", "backup-policy", p.id, view);
        return view;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        BackupPolicy p = find(id);
        ETags.check(ifMatch, p.version);
        long runs =
                policies.getEntityManager()
                        .createQuery(
                                "select count(r) from BackupRun r where r.policyId = ?1",
                                Long.class)
                        .setParameter(1, id)
                        .getSingleResult();
        if (runs > 0) {
            throw ProblemException.conflict(
                    "policy " + id + " has " + runs + " runs in the ledger; pause it instead",
                    List.of(
                            Problem.Conflict.of(
                                    "backup-run", String.valueOf(runs), "runs of this policy")));
        }
        deleted.fire(new PolicyEvents.Deleted(id));
        policies.delete(p);
        audit.append("delete", "backup-policy", id, null);
    }

    /**
     * Pausing removes the cron trigger; resuming starts it afresh from now, so nothing fires for
     * the pause.
     */
    @Transactional
    public PolicyView setPaused(long id, boolean paused) {
        BackupPolicy p = find(id);
        Instant now = now();
        if (p.paused != paused) {
            p.paused = paused;
            p.updatedAt = now;
            if (!paused) {
                p.scheduleFrom = now;
                p.reconciledUntil = now;
            }
            scheduleChanged.fire(new PolicyEvents.ScheduleChanged(p, now));
        }
        policies.flush();
        PolicyView view = mapper.view(p, now);
        audit.append(paused ? "pause" : "resume", "backup-policy", p.id, view);
        return view;
    }

    private BackupPolicy find(long id) {
        return policies.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("policy", id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void apply(BackupPolicy p, PolicyInput input) {
        p.name = input.name();
        p.cron = input.cron().trim();
        p.timeZone =
                input.timeZone() == null || input.timeZone().isBlank()
                        ? DEFAULT_ZONE
                        : input.timeZone();
        p.level = input.level();
        p.keepLast = input.retention().keepLast();
        p.keepDaily = zeroIfNull(input.retention().daily());
        p.keepWeekly = zeroIfNull(input.retention().weekly());
        p.keepMonthly = zeroIfNull(input.retention().monthly());
        p.completionWindowMinutes =
                input.completionWindowMinutes() == null ? 360 : input.completionWindowMinutes();
        p.blackoutWindows =
                mapper.write(input.blackoutWindows() == null ? List.of() : input.blackoutWindows());
        p.paused = Boolean.TRUE.equals(input.paused());
        p.holdDuringMaintenance =
                input.holdDuringMaintenance() == null || input.holdDuringMaintenance();
        p.catchUp = Boolean.TRUE.equals(input.catchUp());
        p.backupBeforeMaintenance = Boolean.TRUE.equals(input.backupBeforeMaintenance());
        p.driver = input.driver();
        p.driverSettings =
                mapper.write(input.driverSettings() == null ? Map.of() : input.driverSettings());
        Set<BackupTarget> chosen = new LinkedHashSet<>();
        for (Long targetId : input.targetIds()) {
            chosen.add(
                    targets.findByIdOptional(targetId)
                            .orElseThrow(
                                    () ->
                                            ProblemException.unknownReference(
                                                    "targetIds", targetId)));
        }
        p.targets.clear();
        p.targets.addAll(chosen);
        p.updatedAt = now();
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }

    /** 400 naming each bad field: cron, timeZone, blackout windows, driver and its settings. */
    private void validate(PolicyInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!CronExpression.isValidExpression(input.cron().trim())) {
            String why;
            try {
                CronExpression.validateExpression(input.cron().trim());
                why = "is not a valid Quartz cron expression";
            } catch (java.text.ParseException e) {
                why =
                        "is not a valid Quartz cron expression (seconds minutes hours day-of-month month "
                                + "day-of-week [year]): "
                                + e.getMessage();
            }
            errors.add(new Problem.FieldError("cron", why));
        } else if (io.kiban.backup.support.Crons.next(input.cron().trim(), "UTC", clock.instant())
                == null) {
            errors.add(new Problem.FieldError("cron", "never fires again"));
        }
        if (input.timeZone() != null && !input.timeZone().isBlank()) {
            try {
                ZoneId.of(input.timeZone());
            } catch (DateTimeException e) {
                errors.add(
                        new Problem.FieldError(
                                "timeZone", "unknown time zone " + input.timeZone()));
            }
        }
        if (input.blackoutWindows() != null) {
            for (int i = 0; i < input.blackoutWindows().size(); i++) {
                var w = input.blackoutWindows().get(i);
                if (!w.until().isAfter(w.from())) {
                    errors.add(
                            new Problem.FieldError(
                                    "blackoutWindows[" + i + "].until", "must be after from"));
                }
            }
        }
        var driver = drivers.find(input.driver());
        Map<String, Object> settings =
                input.driverSettings() == null ? Map.of() : input.driverSettings();
        if (driver.isEmpty()) {
            errors.add(new Problem.FieldError("driver", "unknown driver " + input.driver()));
        } else {
            errors.addAll(driver.map((BackupDriver d) -> d.validate(settings)).orElse(List.of()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    errors.size() == 1
                            ? errors.get(0).field() + ": " + errors.get(0).message()
                            : "the policy has " + errors.size() + " invalid fields",
                    null,
                    errors,
                    null);
        }
        String zone =
                input.timeZone() == null || input.timeZone().isBlank()
                        ? DEFAULT_ZONE
                        : input.timeZone();
        java.time.Duration shortest =
                io.kiban.backup.support.Crons.shortestGap(
                        input.cron().trim(), zone, clock.instant(), config.minScheduleInterval());
        if (shortest != null) {
            throw new ProblemException(
                    ProblemType.RULE_VIOLATION,
                    RULE
                            + ": the schedule fires "
                            + shortest.toSeconds()
                            + " s apart; policies may fire at most every "
                            + config.minScheduleInterval().toSeconds()
                            + " s "
                            + "(kiban.backup.min-schedule-interval)",
                    RULE,
                    List.of(
                            new Problem.FieldError(
                                    "cron",
                                    "fires more often than every "
                                            + config.minScheduleInterval().toSeconds()
                                            + " s")),
                    null);
        }
        List<BackupDriver.Target> chosen =
                input.targetIds().stream()
                        .map(targets::findByIdOptional)
                        .flatMap(java.util.Optional::stream)
                        .map(io.kiban.backup.target.TargetDtos.TargetView::of)
                        .map(io.kiban.backup.target.TargetDtos.TargetView::forDriver)
                        .toList();
        List<Problem.FieldError> refusals = driver.get().refusals(settings, chosen);
        if (!refusals.isEmpty()) {
            String rule = refusals.get(0).message().split(":", 2)[0];
            throw new ProblemException(
                    ProblemType.RULE_VIOLATION,
                    refusals.get(0).field() + ": " + refusals.get(0).message(),
                    rule,
                    refusals,
                    null);
        }
    }
}
