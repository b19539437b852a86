package io.kiban.console.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.kiban.console.page.View.Cell;
import io.kiban.console.page.View.Row;
import io.kiban.console.page.View.Section;
import io.kiban.console.page.View.Table;
import io.kiban.console.support.CurrentUser;
import io.kiban.console.support.Jp;
import io.kiban.console.support.Json;
import io.kiban.console.support.Reply;
import io.kiban.console.support.ServiceCalls;
import io.kiban.console.support.Svc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * ダッシュボード: where the lease stands. Every call starts at once and each section waits for its own
 * service only, so a service that is down costs its sections, never the page.
 */
@ApplicationScoped
public class Dashboard {

    private static final List<String> ENVIRONMENTS = List.of("PRODUCTION", "STAGING", "SHARED");

    private final ServiceCalls calls;
    private final Inbox inbox;

    public Dashboard(ServiceCalls calls, Inbox inbox) {
        this.calls = calls;
        this.inbox = inbox;
    }

    public List<Section> build(CurrentUser user) {
        CompletableFuture<Reply> phases = calls.get(Svc.LIFECYCLE, "/phases");
        CompletableFuture<Reply> contract = calls.get(Svc.LIFECYCLE, "/contract");
        CompletableFuture<Reply> deadlines = calls.get(Svc.LIFECYCLE, "/contract/deadlines");
        // whole lists: every page is read (paged services answer X-Total-Count; size ≤ 200)
        CompletableFuture<Reply> overdue =
                calls.getAll(Svc.LIFECYCLE, "/deliverables?overdue=true");
        CompletableFuture<Reply> tickets = calls.getAll(Svc.MAINTENANCE, "/tickets");
        CompletableFuture<Reply> media =
                user.isVendor() && !user.has(CurrentUser.VENDOR)
                        ? null
                        : calls.getAll(Svc.MAINTENANCE, "/reports/outstanding-sanitization");
        CompletableFuture<Reply> rpo = calls.getAll(Svc.BACKUP, "/reports/rpo");
        boolean showApprovals = !(user.isVendor() && !user.isJpoAdmin());
        Inbox.Started waiting = showApprovals ? inbox.start() : null;
        Map<Svc, CompletableFuture<Reply>> audits = new EnumMap<>(Svc.class);
        if (user.isAuditReader()) {
            for (Svc svc : Svc.values()) {
                audits.put(svc, calls.get(svc, "/audit/verify"));
            }
        }

        List<Section> out = new ArrayList<>();
        out.add(timeline(calls.await(phases, Svc.LIFECYCLE), calls.await(contract, Svc.LIFECYCLE)));
        out.add(
                deadlines(
                        calls.await(deadlines, Svc.LIFECYCLE),
                        calls.await(overdue, Svc.LIFECYCLE)));
        out.add(tickets(calls.await(tickets, Svc.MAINTENANCE)));
        Section m = new Section("media", "破壊証跡待ちの記憶媒体");
        if (media == null) {
            m.note("支援ベンダには表示されません。");
        } else {
            media(m, calls.await(media, Svc.MAINTENANCE));
        }
        out.add(m);
        out.add(backups(calls.await(rpo, Svc.BACKUP)));
        out.add(approvals(waiting));
        Section a = new Section("audit", "監査チェーンの状態");
        if (audits.isEmpty()) {
            a.note("監査チェーンは特許庁管理者と監査担当に表示されます。");
        } else {
            List<Row> rows = new ArrayList<>();
            for (var e : audits.entrySet()) {
                Reply r = calls.await(e.getValue(), e.getKey());
                rows.add(auditRow(e.getKey(), r));
            }
            a.table(
                    new Table(
                            "サービスごとの検証結果",
                            List.of("サービス", "状態", "検証件数", "最終連番", "検証日時"),
                            rows,
                            ""));
        }
        out.add(a);
        return out;
    }

    /** 承認待ち in numbers, per kind, each linked to its part of the inbox (not shown to vendors). */
    private Section approvals(Inbox.Started waiting) {
        Section s = new Section("approvals", "承認待ち");
        if (waiting == null) {
            s.note("承認待ちの一覧は特許庁の職員と監査担当に表示されます。");
            return s;
        }
        List<Row> rows = new ArrayList<>();
        int total = 0;
        for (Inbox.KindSection k : inbox.build(waiting)) {
            if (!k.section().errors.isEmpty()) {
                rows.add(
                        new Row(
                                List.of(
                                        Cell.link(
                                                k.kind().label(),
                                                "/inbox#section-" + k.kind().key()),
                                        Cell.state(String.join(" ", k.section().errors), "bad"))));
                continue;
            }
            total += k.items().size();
            rows.add(
                    new Row(
                            List.of(
                                    Cell.link(k.kind().label(), "/inbox#section-" + k.kind().key()),
                                    Cell.state(
                                            k.items().size() + " 件",
                                            k.items().isEmpty() ? null : "warn"))));
        }
        s.table(new Table("種類ごとの件数（合計 " + total + " 件）", List.of("種類", "件数"), rows, ""));
        return s;
    }

    static Row auditRow(Svc svc, Reply r) {
        if (!r.ok()) {
            return new Row(
                    List.of(
                            Cell.of(svc.label()),
                            Cell.state(r.error(), "bad"),
                            Cell.of("—"),
                            Cell.of("—"),
                            Cell.of("—")));
        }
        JsonNode b = r.body();
        boolean valid = Json.bool(b, "valid");
        String state =
                valid
                        ? "正常（改ざんなし）"
                        : "異常: 連番 "
                                + Json.text(b, "firstBadSeq", "?")
                                + " で不一致（"
                                + Json.text(b, "reason", "理由不明")
                                + "）";
        return new Row(
                List.of(
                        Cell.of(svc.label()),
                        Cell.state(state, valid ? "ok" : "bad"),
                        Cell.of(Json.text(b, "entriesChecked", "—")),
                        Cell.of(Json.text(b, "lastSeq", "—")),
                        Cell.of(Jp.time(Json.text(b, "verifiedAt")))));
    }

    private Section timeline(Reply phases, Reply contract) {
        Section s = new Section("phases", "環境のフェーズ（契約締結から撤去まで）");
        boolean havePhases = s.accept(phases);
        boolean haveContract = s.accept(contract);
        List<JsonNode> envs = new ArrayList<>();
        if (havePhases) {
            for (String env : ENVIRONMENTS) {
                phases.items().stream()
                        .filter(p -> env.equals(Json.text(p, "environment")))
                        .findFirst()
                        .ifPresent(envs::add);
            }
        }
        if (haveContract) {
            s.svg = Timeline.svg(contract.body(), envs, Jp.today());
        }
        if (havePhases) {
            List<Row> rows = new ArrayList<>();
            for (JsonNode p : envs) {
                rows.add(
                        new Row(
                                List.of(
                                        Cell.of(Jp.label(Json.text(p, "environment"))),
                                        Cell.of(Jp.label(Json.text(p, "phase"))),
                                        Cell.of(Jp.time(Json.text(p, "enteredAt"))))));
            }
            s.table(new Table("環境ごとのフェーズ", List.of("環境", "フェーズ", "開始日時"), rows, "フェーズが登録されていません。"));
        }
        return s;
    }

    private Section deadlines(Reply deadlines, Reply overdue) {
        Section s = new Section("deadlines", "次の期限と期限切れの納品物");
        LocalDate today = Jp.today();
        if (s.accept(deadlines)) {
            List<JsonNode> next =
                    deadlines.items().stream()
                            .filter(
                                    d -> {
                                        LocalDate date =
                                                Timeline.date(
                                                        Json.text(
                                                                d,
                                                                "practicalDueDate",
                                                                Json.text(d, "date")));
                                        return date == null || !date.isBefore(today);
                                    })
                            .sorted(Comparator.comparing(d -> Json.text(d, "date", "9999")))
                            .limit(10)
                            .toList();
            List<Row> rows = new ArrayList<>();
            for (JsonNode d : next) {
                rows.add(
                        new Row(
                                List.of(
                                        Cell.of(Json.text(d, "name", Json.text(d, "id"))),
                                        Cell.of(Json.text(d, "rule", "—")),
                                        Cell.of(Jp.date(Json.text(d, "date"))),
                                        Cell.of(Jp.date(Json.text(d, "practicalDueDate"))))));
            }
            s.table(
                    new Table(
                            "次の期限（最大10件）",
                            List.of("期限", "規則", "期日", "実務上の期日（営業日）"),
                            rows,
                            "今後の期限はありません。"));
        }
        if (s.accept(overdue)) {
            List<Row> rows = new ArrayList<>();
            for (JsonNode d : overdue.items()) {
                rows.add(
                        new Row(
                                List.of(
                                        Cell.of(Json.text(d, "title")),
                                        Cell.of(Json.text(d, "rule", "—")),
                                        Cell.of(
                                                Jp.date(
                                                        Json.text(
                                                                d,
                                                                "practicalDueDate",
                                                                Json.text(d, "dueDate")))),
                                        Cell.of(Jp.label(Json.text(d, "status"))),
                                        Cell.state(Json.text(d, "overdueReason", "期限切れ"), "bad"))));
            }
            s.table(
                    new Table(
                            "期限切れの納品物",
                            List.of("納品物", "規則", "期日", "状態", "理由"),
                            rows,
                            "期限切れの納品物はありません。"));
        }
        return s;
    }

    static String sla(JsonNode t, Instant now) {
        if (Json.bool(t, "breached")
                || Json.bool(t, "responseBreached")
                || Json.bool(t, "restorationBreached")) {
            return "SLA違反";
        }
        String due =
                Json.text(t, "acknowledgedAt") == null
                        ? Json.text(t, "responseDue")
                        : Json.text(t, "restorationDue");
        if (due != null) {
            try {
                Instant d = Instant.parse(due);
                if (d.isBefore(now)) {
                    return "SLA違反（期限超過）";
                }
                if (d.isBefore(now.plusSeconds(4 * 3600))) {
                    return "期限間近（4時間以内）";
                }
            } catch (DateTimeParseException e) {
                return "期限内";
            }
        }
        return "期限内";
    }

    static String slaCss(String sla) {
        return sla.startsWith("SLA違反") ? "bad" : sla.startsWith("期限間近") ? "warn" : "ok";
    }

    private Section tickets(Reply tickets) {
        Section s = new Section("tickets", "未完了の保守チケットとSLA");
        if (s.accept(tickets)) {
            Instant now = Instant.now();
            List<Row> rows = new ArrayList<>();
            for (JsonNode t : tickets.items()) {
                String status = Json.text(t, "status");
                if ("CLOSED".equals(status) || "CANCELLED".equals(status)) {
                    continue;
                }
                String sla = sla(t, now);
                String id = Json.text(t, "id");
                rows.add(
                        new Row(
                                List.of(
                                        Cell.link("#" + id, "/maintenance/tickets/" + id),
                                        Cell.of(Json.text(t, "organisation")),
                                        Cell.of(Json.text(t, "hardwareId")),
                                        Cell.of(Json.text(t, "severity")),
                                        Cell.of(Jp.label(status)),
                                        Cell.of(Jp.time(Json.text(t, "responseDue"))),
                                        Cell.of(Jp.time(Json.text(t, "restorationDue"))),
                                        Cell.state(sla, slaCss(sla)))));
            }
            s.table(
                    new Table(
                            "未完了のチケット",
                            List.of("チケット", "組織", "機器", "重要度", "状態", "応答期限", "復旧期限", "SLA"),
                            rows,
                            "未完了のチケットはありません。"));
        }
        return s;
    }

    static void media(Section s, Reply media) {
        if (s.accept(media)) {
            List<Row> rows = new ArrayList<>();
            for (JsonNode m : media.items()) {
                String ticket = Json.text(m, "ticketId");
                rows.add(
                        new Row(
                                List.of(
                                        Cell.of(Json.text(m, "serial")),
                                        Cell.of(Json.text(m, "kind")),
                                        Cell.of(Jp.label(Json.text(m, "environment"))),
                                        Cell.of(Jp.label(Json.text(m, "status"))),
                                        Cell.of(Json.text(m, "holder")),
                                        Cell.of(Json.text(m, "ageDays", "—") + " 日"),
                                        Cell.of(Json.text(m, "reason")),
                                        ticket == null
                                                ? Cell.of("—")
                                                : Cell.link(
                                                        "#" + ticket,
                                                        "/maintenance/tickets/" + ticket))));
            }
            s.table(
                    new Table(
                            "破壊証跡が受理されていない媒体",
                            List.of("シリアル", "種類", "環境", "状態", "保管者", "経過", "理由", "チケット"),
                            rows,
                            "破壊証跡待ちの媒体はありません。"));
        }
    }

    private Section backups(Reply rpo) {
        Section s = new Section("backups", "バックアップの鮮度（RPO）");
        if (s.accept(rpo)) {
            List<Row> rows = new ArrayList<>();
            for (JsonNode t : rpo.items()) {
                rows.add(
                        new Row(
                                List.of(
                                        Cell.of(Json.text(t, "name")),
                                        Cell.of(Jp.time(Json.text(t, "lastSuccessAt"))),
                                        Cell.of(Jp.label(Json.text(t, "lastRunState"))),
                                        Cell.of(Json.text(t, "missedRuns", "0")),
                                        Cell.of(Json.text(t, "failedRuns", "0")),
                                        Cell.state(
                                                Json.bool(t, "rpoBreached") ? "RPO超過" : "正常",
                                                Json.bool(t, "rpoBreached") ? "bad" : "ok"))));
            }
            s.table(
                    new Table(
                            "最後の成功が古すぎる対象（R-BK-3: 間隔の1.5倍超）",
                            List.of("対象", "最後の成功", "最後の実行", "未実行回数", "失敗回数", "判定"),
                            rows,
                            "RPOを超過した対象はありません。"));
            s.note("対象ごとの詳細は「バックアップ」ページにあります。");
        }
        return s;
    }
}
