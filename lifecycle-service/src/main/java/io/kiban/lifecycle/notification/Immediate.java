package io.kiban.lifecycle.notification;

import io.kiban.lifecycle.notification.Feeds.Outstanding;
import io.kiban.lifecycle.notification.Feeds.Ticket;
import io.kiban.lifecycle.notification.PendingApprovals.Pending;
import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The "immediate" mails (issue #17), found by a poll every {@code kiban.notifications.poll-every}
 * (1 minute) on the clustered Quartz scheduler (one replica per pass), so "immediately" means
 * within about a minute:
 *
 * <ul>
 *   <li>an R-MT-1 SLA breach (a ticket's response or restoration target passed) → the ticket's
 *       vendor organisation only (event {@code sla-breach:<ticket>:RESPONSE|RESTORATION});
 *   <li>destruction evidence rejected by JPO (a custody item seen entering EVIDENCE_REJECTED) → the
 *       item's vendor organisation only (event {@code evidence-rejected:<item>:<n>}, n counting the
 *       rejections seen);
 *   <li>something submitted for approval (this service's pending items, and destruction evidence
 *       seen entering EVIDENCE_SUBMITTED in maintenance-service) → jpo-admin (event {@code
 *       approval:…}).
 * </ul>
 *
 * Then the failed mails whose next attempt is due are sent again. Events older than {@code
 * kiban.notifications.immediate.lookback} are not mailed (they show in the digest).
 */
@ApplicationScoped
class Immediate {

    private static final Logger LOG = Logger.getLogger(Immediate.class);

    public record Pass(int sent, List<String> unavailable) {}

    private final NotificationConfig config;
    private final Notifier notifier;
    private final Feeds feeds;
    private final PendingApprovals pending;
    private final Watch watch;
    private final Recipients recipients;
    private final Clock clock;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public Immediate(
            NotificationConfig config,
            Notifier notifier,
            Feeds feeds,
            PendingApprovals pending,
            Watch watch,
            Recipients recipients,
            Clock clock) {
        this.recipients = recipients;
        this.config = config;
        this.notifier = notifier;
        this.feeds = feeds;
        this.pending = pending;
        this.watch = watch;
        this.clock = clock;
    }

    @Scheduled(
            identity = "notification-poll",
            every = "${kiban.notifications.poll-every:60s}",
            delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Pass p = Arc.container().instance(Immediate.class).get().run();
        if (p.sent() > 0 || !p.unavailable().isEmpty()) {
            LOG.infof("notification poll: %d sent, unavailable: %s", p.sent(), p.unavailable());
        }
    }

    @ActivateRequestContext
    public Pass run() {
        if (!config.enabled()) {
            return new Pass(0, List.of());
        }
        Instant now = clock.instant();
        Instant oldest = now.minus(config.immediate().lookback());
        int sent = 0;
        List<String> unavailable = new ArrayList<>();
        try {
            sent += slaBreaches(oldest);
        } catch (RuntimeException e) {
            unavailable.add("tickets: " + e.getMessage());
        }
        List<Outstanding> outstanding = null;
        try {
            outstanding = feeds.outstandingSanitization();
        } catch (RuntimeException e) {
            unavailable.add("outstanding-sanitization: " + e.getMessage());
        }
        if (outstanding != null) {
            sent += custodyChanges(outstanding);
        }
        sent += approvals(oldest);
        sent += notifier.retryFailed();
        return new Pass(sent, unavailable);
    }

    private int slaBreaches(Instant oldest) {
        int sent = 0;
        for (Ticket t : feeds.breachedTickets()) {
            if (t.responseBreached() && recent(t.responseDue(), oldest)) {
                sent += slaMail(t, "RESPONSE", "応答", t.responseDue());
            }
            if (t.restorationBreached() && recent(t.restorationDue(), oldest)) {
                sent += slaMail(t, "RESTORATION", "復旧", t.restorationDue());
            }
        }
        return sent;
    }

    private int slaMail(Ticket t, String target, String targetJa, Instant due) {
        String eventId = "sla-breach:" + t.id() + ":" + target;
        List<String> to = vendor(t.organisation(), eventId);
        if (to.isEmpty()) {
            return 0;
        }
        String link = MailText.link(config.consoleUrl(), "/maintenance/tickets/" + t.id());
        String subject = MailText.PREFIX + "SLA違反: チケット #" + t.id() + " の" + targetJa + "期限を超過しました";
        String body =
                t.organisation()
                        + " ご担当者 様\n\n"
                        + "保守チケット #"
                        + t.id()
                        + " の"
                        + targetJa
                        + "期限（"
                        + MailText.time(due)
                        + "）を超過しました（R-MT-1）。\n"
                        + "至急対応状況をご確認のうえ、チケットを更新してください。\n\n"
                        + "チケット: #"
                        + t.id()
                        + "\n"
                        + "機器: "
                        + MailText.orDash(t.hardwareId())
                        + "\n"
                        + "環境: "
                        + Digest.ENVIRONMENTS.getOrDefault(
                                t.environment(), MailText.orDash(t.environment()))
                        + "\n"
                        + "重大度: "
                        + MailText.orDash(t.severity())
                        + "\n"
                        + "状態: "
                        + MailText.orDash(t.status())
                        + "\n"
                        + "応答期限: "
                        + MailText.time(t.responseDue())
                        + "\n"
                        + "復旧期限: "
                        + MailText.time(t.restorationDue())
                        + "\n\n"
                        + "チケットを開く: "
                        + link
                        + "\n"
                        + MailText.FOOTER;
        return notifier.send(
                                new OutgoingMail(
                                        eventId,
                                        OutgoingMail.Kind.SLA_BREACH,
                                        to,
                                        subject,
                                        body,
                                        link))
                        == Notifier.Outcome.SENT
                ? 1
                : 0;
    }

    /**
     * Custody items seen entering EVIDENCE_REJECTED (→ vendor) or EVIDENCE_SUBMITTED (→ jpo-admin).
     */
    private int custodyChanges(List<Outstanding> outstanding) {
        int sent = 0;
        java.util.Map<String, Watch.Seen> seenBefore = watch.all();
        for (Outstanding o : outstanding) {
            if (o.custodyItemId() == null || o.status() == null) {
                continue;
            }
            String key = "custody:" + o.custodyItemId();
            Watch.Seen seen = seenBefore.getOrDefault(key, new Watch.Seen(null, 0));
            if (o.status().equals(seen.observed())) {
                continue;
            }
            int generation = seen.generation();
            if ("EVIDENCE_REJECTED".equals(o.status())) {
                generation++;
                sent +=
                        rejectedMail(
                                o, "evidence-rejected:" + o.custodyItemId() + ":" + generation);
            } else if ("EVIDENCE_SUBMITTED".equals(o.status())) {
                generation++;
                sent +=
                        submittedEvidenceMail(
                                o,
                                "approval:destruction-evidence:"
                                        + o.custodyItemId()
                                        + ":"
                                        + generation);
            }
            // after the mail (a crash in between repeats the same event id next minute, which is
            // then already claimed)
            watch.record(key, o.status(), generation);
        }
        return sent;
    }

    private int rejectedMail(Outstanding o, String eventId) {
        List<String> to = vendor(o.organisation(), eventId);
        if (to.isEmpty()) {
            return 0;
        }
        String link =
                MailText.link(config.consoleUrl(), "/maintenance/custody/" + o.custodyItemId());
        String subject =
                MailText.PREFIX + "破壊・消去の証跡が差し戻されました（シリアル " + MailText.orDash(o.serial()) + "）";
        String body =
                o.organisation()
                        + " ご担当者 様\n\n"
                        + "提出いただいた破壊・消去の証跡が JPO により差し戻されました（R-MT-3）。\n"
                        + "差戻しの理由をコンソールで確認し、証跡を再提出してください。\n\n"
                        + "媒体: "
                        + MailText.orDash(o.kind())
                        + " シリアル "
                        + MailText.orDash(o.serial())
                        + "\n"
                        + "機器: "
                        + MailText.orDash(o.hardwareId())
                        + "\n"
                        + "チケット: "
                        + (o.ticketId() == null ? "—" : "#" + o.ticketId())
                        + "\n"
                        + "環境: "
                        + Digest.ENVIRONMENTS.getOrDefault(
                                o.environment(), MailText.orDash(o.environment()))
                        + "\n"
                        + "保管者: "
                        + MailText.orDash(o.holder())
                        + "\n\n"
                        + "媒体の記録を開く: "
                        + link
                        + "\n"
                        + MailText.FOOTER;
        return notifier.send(
                                new OutgoingMail(
                                        eventId,
                                        OutgoingMail.Kind.EVIDENCE_REJECTED,
                                        to,
                                        subject,
                                        body,
                                        link))
                        == Notifier.Outcome.SENT
                ? 1
                : 0;
    }

    private int submittedEvidenceMail(Outstanding o, String eventId) {
        return approvalMail(
                eventId,
                "破壊・消去の証跡",
                MailText.orDash(o.kind())
                        + " シリアル "
                        + MailText.orDash(o.serial())
                        + "（"
                        + MailText.orDash(o.organisation())
                        + "）",
                null);
    }

    private int approvals(Instant oldest) {
        int sent = 0;
        for (Pending p : pending.all()) {
            if (p.at() == null || recent(p.at(), oldest)) {
                sent += approvalMail(p.eventId(), p.what(), p.title(), p.at());
            }
        }
        return sent;
    }

    private int approvalMail(String eventId, String what, String title, Instant at) {
        List<String> to = recipients.jpoAdmin();
        if (to.isEmpty()) {
            warnOnce(eventId, "kiban.notifications.recipients.jpo-admin is empty");
            return 0;
        }
        String link = MailText.link(config.consoleUrl(), "/inbox");
        String subject =
                MailText.PREFIX + "承認依頼: " + what + "「" + NotificationLog.cut(title, 80) + "」";
        String body =
                "JPO 管理者 各位\n\n"
                        + what
                        + "が承認のために提出されました。承認待ちの画面で内容を確認し、承認または差戻しをしてください。\n\n"
                        + "対象: "
                        + what
                        + "「"
                        + title
                        + "」\n"
                        + (at == null ? "" : "提出: " + MailText.time(at) + "\n")
                        + "\n承認待ちを開く: "
                        + link
                        + "\n"
                        + MailText.FOOTER;
        return notifier.send(
                                new OutgoingMail(
                                        eventId,
                                        OutgoingMail.Kind.APPROVAL_REQUESTED,
                                        to,
                                        subject,
                                        body,
                                        link))
                        == Notifier.Outcome.SENT
                ? 1
                : 0;
    }

    /** The organisation's configured addresses; none → the event is not mailed (logged once). */
    private List<String> vendor(String organisation, String eventId) {
        List<String> to = recipients.vendor(organisation);
        if (to.isEmpty()) {
            warnOnce(
                    eventId,
                    "no addresses for vendor organisation "
                            + organisation
                            + " (kiban.notifications.recipients.vendors.<org>)");
        }
        return to;
    }

    private void warnOnce(String eventId, String why) {
        if (warned.size() < 10_000 && warned.add(eventId)) {
            LOG.warnf("%s not mailed: %s", eventId, why);
        }
    }

    private static boolean recent(Instant at, Instant oldest) {
        return at != null && !at.isBefore(oldest);
    }
}
