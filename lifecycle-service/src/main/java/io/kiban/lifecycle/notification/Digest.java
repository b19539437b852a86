package io.kiban.lifecycle.notification;

import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.time.ClockProducer;
import io.kiban.lifecycle.contract.BusinessCalendar;
import io.kiban.lifecycle.contract.ContractDtos.Deadline;
import io.kiban.lifecycle.contract.ContractDtos.RemovalBreach;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.deliverable.Deliverable;
import io.kiban.lifecycle.deliverable.DeliverableDtos.DeliverableView;
import io.kiban.lifecycle.deliverable.DeliverableService;
import io.kiban.lifecycle.notification.Feeds.Outstanding;
import io.kiban.lifecycle.notification.Feeds.Run;
import io.kiban.lifecycle.notification.Feeds.StaleTarget;
import io.kiban.lifecycle.notification.Feeds.Ticket;
import io.kiban.lifecycle.notification.PendingApprovals.Pending;
import io.kiban.lifecycle.phase.RemovalObligation;
import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The morning digest for jpo-admin (issue #17): on each business day of the JPO calendar (JST;
 * weekends, national holidays and the year-end closure send nothing), at {@code
 * kiban.notifications.digest.cron} on the clustered Quartz scheduler (one replica fires it), one
 * mail — event {@code digest:<date>}, so a second run the same day, on any replica, sends nothing.
 * It lists deadlines within {@code horizon-business-days}, overdue deliverables and removal
 * breaches (R-LC-8), SLA breaches of open tickets (R-MT-1), media awaiting destruction evidence
 * (R-MT-3), backup runs missed since the previous digest and targets past their RPO (R-BK-3), and
 * what waits for approval. A section whose service cannot be read says so; the rest is still sent.
 */
@ApplicationScoped
public class Digest {

    private static final Logger LOG = Logger.getLogger(Digest.class);

    static final Set<String> OPEN_TICKET_STATUSES =
            Set.of("REPORTED", "ACKNOWLEDGED", "IN_PROGRESS", "PARTS_REPLACED");
    static final Map<String, String> ENVIRONMENTS =
            Map.of("PRODUCTION", "本番環境", "STAGING", "検証環境", "SHARED", "共用環境");

    /**
     * At most this many lines per section; the rest is counted ("ほか N 件") and shown by the console.
     */
    static final int SECTION_LINES = 20;

    public enum Result {
        SENT,
        ALREADY_SENT,
        NOT_A_BUSINESS_DAY,
        DISABLED,
        NO_RECIPIENTS,
        FAILED
    }

    private final NotificationConfig config;
    private final Notifier notifier;
    private final BusinessCalendar calendar;
    private final ContractService contracts;
    private final DeliverableService deliverables;
    private final RemovalObligation obligation;
    private final Feeds feeds;
    private final PendingApprovals pending;
    private final Recipients recipients;
    private final Clock clock;

    public Digest(
            NotificationConfig config,
            Notifier notifier,
            BusinessCalendar calendar,
            ContractService contracts,
            DeliverableService deliverables,
            RemovalObligation obligation,
            Feeds feeds,
            PendingApprovals pending,
            Recipients recipients,
            Clock clock) {
        this.recipients = recipients;
        this.config = config;
        this.notifier = notifier;
        this.calendar = calendar;
        this.contracts = contracts;
        this.deliverables = deliverables;
        this.obligation = obligation;
        this.feeds = feeds;
        this.pending = pending;
        this.clock = clock;
    }

    @Scheduled(
            identity = "notification-digest",
            cron = "${kiban.notifications.digest.cron:0 0 8 ? * MON-FRI}",
            timeZone = "Asia/Tokyo",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Result r = Arc.container().instance(Digest.class).get().run();
        LOG.infof("morning digest: %s", r);
    }

    /**
     * Composes and sends today's digest unless today is not a business day or it was sent already.
     */
    @ActivateRequestContext
    public Result run() {
        if (!config.enabled()) {
            return Result.DISABLED;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ClockProducer.JPO_ZONE));
        LocalDate today = now.toLocalDate();
        if (!calendar.isBusinessDay(today)) {
            return Result.NOT_A_BUSINESS_DAY;
        }
        List<String> to = recipients.jpoAdmin();
        if (to.isEmpty()) {
            LOG.warn("kiban.notifications.recipients.jpo-admin is empty: no morning digest");
            return Result.NO_RECIPIENTS;
        }
        String eventId = "digest:" + today;
        return switch (notifier.send(compose(eventId, to, now))) {
            case SENT -> Result.SENT;
            case ALREADY_CLAIMED -> Result.ALREADY_SENT;
            case NO_RECIPIENTS -> Result.NO_RECIPIENTS;
            case FAILED -> Result.FAILED;
        };
    }

    /**
     * The last business day of the calendar after {@code today} counted {@code n} business days on.
     */
    LocalDate businessDaysAfter(LocalDate today, int n) {
        LocalDate d = today;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (calendar.isBusinessDay(d)) {
                counted++;
            }
        }
        return d;
    }

    private LocalDate previousBusinessDay(LocalDate today) {
        LocalDate d = today.minusDays(1);
        while (!calendar.isBusinessDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    OutgoingMail compose(String eventId, List<String> to, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        LocalDate horizon = businessDaysAfter(today, config.digest().horizonBusinessDays());
        String console = config.consoleUrl();
        StringBuilder b = new StringBuilder();
        b.append("JPO 管理者 各位\n\n")
                .append(MailText.day(today))
                .append(" 朝の確認事項をお知らせします。\n")
                .append("ダッシュボード: ")
                .append(MailText.link(console, "/"))
                .append('\n');

        // deadlines within the horizon (the practical due date: the previous business day when the
        // date is not one)
        List<DeliverableView> all = allDeliverables();
        List<String> deadlines = new ArrayList<>();
        for (Deadline d : contracts.deadlines()) {
            if (within(d.practicalDueDate(), today, horizon)) {
                deadlines.add(
                        "・"
                                + d.name()
                                + "（"
                                + d.rule()
                                + "）: "
                                + MailText.dayWithIso(d.date())
                                + practical(d.date(), d.practicalDueDate())
                                + "\n  "
                                + MailText.link(console, "/"));
            }
        }
        for (DeliverableView d : all) {
            if (d.status() != Deliverable.Status.APPROVED
                    && !d.overdue()
                    && within(d.practicalDueDate(), today, horizon)) {
                deadlines.add(
                        "・成果物「"
                                + d.title()
                                + "」（"
                                + d.rule()
                                + "）: "
                                + MailText.dayWithIso(d.dueDate())
                                + practical(d.dueDate(), d.practicalDueDate())
                                + " 状態 "
                                + status(d.status())
                                + "\n  "
                                + MailText.link(console, "/inbox"));
            }
        }
        int[] counts = new int[6];
        counts[0] = deadlines.size();
        section(
                b,
                "■ "
                        + config.digest().horizonBusinessDays()
                        + "営業日以内の期限（"
                        + MailText.dayWithIso(horizon)
                        + " まで）",
                deadlines);

        List<String> overdue = new ArrayList<>();
        for (DeliverableView d : all) {
            if (d.overdue()) {
                overdue.add(
                        "・成果物「"
                                + d.title()
                                + "」（"
                                + d.rule()
                                + "）: 期限 "
                                + MailText.dayWithIso(d.dueDate())
                                + " 状態 "
                                + status(d.status())
                                + "\n  "
                                + MailText.link(console, "/inbox"));
            }
        }
        for (RemovalBreach r : obligation.breaches()) {
            overdue.add(
                    "・撤去期限超過（"
                            + r.rule()
                            + "）: "
                            + ENVIRONMENTS.getOrDefault(
                                    r.environment().name(), r.environment().name())
                            + " "
                            + (r.kind() == RemovalBreach.Kind.NOT_REMOVED
                                    ? "未撤去"
                                    : "撤去 " + MailText.dayWithIso(r.removedOn()))
                            + "（"
                            + r.daysLate()
                            + "日超過）\n  "
                            + MailText.link(console, "/removal"));
        }
        counts[1] = overdue.size();
        section(b, "■ 期限超過", overdue);

        Fetched<List<Ticket>> tickets = remote(feeds::breachedTickets);
        List<String> sla = new ArrayList<>();
        if (tickets.value != null) {
            for (Ticket t : tickets.value) {
                if (OPEN_TICKET_STATUSES.contains(t.status())) {
                    sla.add(
                            "・チケット #"
                                    + t.id()
                                    + "（"
                                    + MailText.orDash(t.organisation())
                                    + "、"
                                    + ENVIRONMENTS.getOrDefault(
                                            t.environment(), MailText.orDash(t.environment()))
                                    + "、重大度 "
                                    + t.severity()
                                    + "）: "
                                    + breach(t)
                                    + "\n  "
                                    + MailText.link(console, "/maintenance/tickets/" + t.id()));
                }
            }
        }
        counts[2] = sla.size();
        section(b, "■ SLA違反（未完了のチケット、R-MT-1）", sla, tickets.unavailable);

        Fetched<List<Outstanding>> outstanding = remote(feeds::outstandingSanitization);
        List<String> media = new ArrayList<>();
        List<String> approvals = new ArrayList<>();
        if (outstanding.value != null) {
            for (Outstanding o : outstanding.value) {
                String where =
                        o.custodyItemId() == null
                                ? MailText.link(console, "/maintenance")
                                : MailText.link(
                                        console, "/maintenance/custody/" + o.custodyItemId());
                media.add(
                        "・"
                                + MailText.orDash(o.kind())
                                + " シリアル "
                                + MailText.orDash(o.serial())
                                + "（"
                                + MailText.orDash(o.organisation())
                                + "、"
                                + ENVIRONMENTS.getOrDefault(
                                        o.environment(), MailText.orDash(o.environment()))
                                + "、"
                                + custodyStatus(o.status())
                                + "、"
                                + o.ageDays()
                                + "日経過）\n  "
                                + where);
                if ("EVIDENCE_SUBMITTED".equals(o.status())) {
                    approvals.add(
                            "・破壊・消去の証跡: "
                                    + MailText.orDash(o.kind())
                                    + " シリアル "
                                    + MailText.orDash(o.serial())
                                    + "（"
                                    + MailText.orDash(o.organisation())
                                    + "）\n  "
                                    + where);
                }
            }
        }
        counts[3] = media.size();
        section(b, "■ 破壊・消去の証跡待ちの媒体（R-MT-3）", media, outstanding.unavailable);

        LocalDate previous = previousBusinessDay(today);
        java.time.Instant since =
                previous.atTime(now.toLocalTime()).atZone(ClockProducer.JPO_ZONE).toInstant();
        Fetched<List<Run>> missed = remote(() -> feeds.missedRunsSince(since));
        Fetched<List<StaleTarget>> stale = remote(feeds::staleTargets);
        List<String> backups = new ArrayList<>();
        if (missed.value != null) {
            for (Run r : missed.value) {
                backups.add(
                        "・未実行: ポリシー #"
                                + r.policyId()
                                + " ターゲット #"
                                + r.targetId()
                                + "（予定 "
                                + MailText.time(r.expectedFireTime())
                                + "）\n  "
                                + MailText.link(console, "/backup"));
            }
        }
        if (stale.value != null) {
            for (StaleTarget t : stale.value) {
                backups.add(
                        "・RPO超過: "
                                + MailText.orDash(t.name())
                                + "（最後の成功 "
                                + MailText.time(t.lastSuccessAt())
                                + "、未実行 "
                                + t.missedRuns()
                                + "回）\n  "
                                + MailText.link(console, "/backup"));
            }
        }
        counts[4] = backups.size();
        section(
                b,
                "■ バックアップ: " + MailText.time(since) + " 以降の未実行と RPO 超過（R-BK-3）",
                backups,
                missed.unavailable != null ? missed.unavailable : stale.unavailable);

        List<String> waiting = new ArrayList<>();
        for (Pending p : pending.all()) {
            waiting.add(
                    "・"
                            + p.what()
                            + ": "
                            + p.title()
                            + (p.at() == null ? "" : "（" + MailText.time(p.at()) + "）")
                            + "\n  "
                            + MailText.link(console, "/inbox"));
        }
        waiting.addAll(approvals);
        counts[5] = waiting.size();
        section(b, "■ 承認待ち", waiting, outstanding.unavailable);
        b.append(MailText.FOOTER);

        String subject =
                MailText.PREFIX
                        + "本日の確認事項 "
                        + MailText.day(today)
                        + " 期限"
                        + counts[0]
                        + "件・超過"
                        + counts[1]
                        + "件・SLA違反"
                        + counts[2]
                        + "件・証跡待ち"
                        + counts[3]
                        + "件・バックアップ"
                        + counts[4]
                        + "件・承認待ち"
                        + counts[5]
                        + "件";
        return new OutgoingMail(
                eventId,
                OutgoingMail.Kind.DIGEST,
                to,
                subject,
                b.toString(),
                MailText.link(console, "/"));
    }

    private List<DeliverableView> allDeliverables() {
        List<DeliverableView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<DeliverableView> p =
                    deliverables.list(null, null, PageRequest.of(page, PageRequest.MAX_SIZE));
            all.addAll(p.items());
            if (p.items().isEmpty() || all.size() >= p.total()) {
                return all;
            }
        }
    }

    private static boolean within(LocalDate d, LocalDate from, LocalDate to) {
        return d != null && !d.isBefore(from) && !d.isAfter(to);
    }

    private static String practical(LocalDate date, LocalDate practical) {
        return practical == null || practical.equals(date)
                ? ""
                : "（実質 " + MailText.dayWithIso(practical) + "）";
    }

    private static String breach(Ticket t) {
        List<String> parts = new ArrayList<>();
        if (t.responseBreached()) {
            parts.add("応答期限 " + MailText.time(t.responseDue()) + " 超過");
        }
        if (t.restorationBreached()) {
            parts.add("復旧期限 " + MailText.time(t.restorationDue()) + " 超過");
        }
        return String.join("、", parts);
    }

    static String status(Deliverable.Status s) {
        return switch (s) {
            case PENDING -> "未提出";
            case SUBMITTED -> "提出済（承認待ち）";
            case APPROVED -> "承認済";
            case RETURNED -> "差戻し";
        };
    }

    static String custodyStatus(String s) {
        if (s == null) {
            return "台帳上は撤去済・保管記録なし";
        }
        return switch (s) {
            case "REMOVED_ON_SITE" -> "取外し済";
            case "IN_CUSTODY" -> "保管中";
            case "EVIDENCE_SUBMITTED" -> "証跡提出済（承認待ち）";
            case "EVIDENCE_REJECTED" -> "証跡差戻し";
            default -> s;
        };
    }

    private static void section(StringBuilder b, String title, List<String> lines) {
        section(b, title, lines, null);
    }

    private static void section(
            StringBuilder b, String title, List<String> lines, String unavailable) {
        b.append('\n').append(title).append('\n');
        if (unavailable != null) {
            b.append("・（取得できませんでした: ").append(unavailable).append("。コンソールで確認してください）\n");
        }
        if (lines.isEmpty() && unavailable == null) {
            b.append("・なし\n");
        }
        for (String l : lines.subList(0, Math.min(lines.size(), SECTION_LINES))) {
            b.append(l).append('\n');
        }
        if (lines.size() > SECTION_LINES) {
            b.append("・ほか").append(lines.size() - SECTION_LINES).append("件はコンソールで確認してください。\n");
        }
    }

    /** A remote list, or why it could not be read. */
    record Fetched<T>(T value, String unavailable) {}

    private static <T> Fetched<T> remote(Supplier<T> call) {
        try {
            return new Fetched<>(call.get(), null);
        } catch (RuntimeException e) {
            LOG.warnf("digest section unavailable: %s", e.getMessage());
            return new Fetched<>(null, e.getMessage());
        }
    }
}
