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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * 台帳, 保守, バックアップ, 撤去, 監査: read-only pages over the services' lists (the services filter by role and
 * organisation).
 */
@ApplicationScoped
public class Browse {

    static final List<String> ENVIRONMENTS = List.of("PRODUCTION", "STAGING", "SHARED");

    private final ServiceCalls calls;

    public Browse(ServiceCalls calls) {
        this.calls = calls;
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** 台帳: hardware, optionally one environment, and a text search over the fields shown. */
    public List<Section> ledger(String environment, String search) {
        String path =
                "/hardware"
                        + (environment != null && ENVIRONMENTS.contains(environment)
                                ? "?environment=" + environment
                                : "");
        Reply hw = calls.await(calls.getAll(Svc.ASSET, path), Svc.ASSET);
        Section s = new Section("hardware", "ハードウェア台帳");
        if (s.accept(hw)) {
            String needle = search == null ? "" : search.strip().toLowerCase();
            List<Row> rows = new ArrayList<>();
            for (JsonNode h : hw.items()) {
                String text =
                        String.join(
                                        " ",
                                        Json.text(h, "name", ""),
                                        Json.text(h, "serialNumber", ""),
                                        Json.text(h, "modelNumber", ""),
                                        Json.text(h, "manufacturer", ""),
                                        Json.text(h, "rack", ""))
                                .toLowerCase();
                if (!needle.isEmpty() && !text.contains(needle)) {
                    continue;
                }
                rows.add(
                        new Row(
                                List.of(
                                        Cell.of(Json.text(h, "id")),
                                        Cell.of(Json.text(h, "name")),
                                        Cell.of(Json.text(h, "manufacturer")),
                                        Cell.of(Json.text(h, "modelNumber")),
                                        Cell.of(Json.text(h, "serialNumber")),
                                        Cell.of(Jp.label(Json.text(h, "environment"))),
                                        Cell.of(
                                                Json.text(h, "rack", "—")
                                                        + " "
                                                        + Json.text(h, "rackPosition", "")),
                                        Cell.of(Jp.label(Json.text(h, "status"))),
                                        Cell.of(Jp.date(Json.text(h, "maintenanceDeadline"))))));
            }
            s.table(
                    new Table(
                            "ハードウェア（"
                                    + rows.size()
                                    + " 件"
                                    + (hw.totalCount() != null
                                            ? "／全 " + hw.totalCount() + " 件"
                                            : "")
                                    + "）",
                            List.of("ID", "名称", "製造者", "型番", "シリアル", "環境", "ラック", "状態", "保守期限"),
                            rows,
                            "該当するハードウェアはありません。"));
            s.note("情報資産管理標準シート（Excel）: 下のリンクからダウンロードできます。");
            s.table(
                    new Table(
                            "ダウンロード",
                            List.of("ファイル"),
                            List.of(
                                    new Row(
                                            List.of(
                                                    Cell.link(
                                                            "情報資産管理標準シート (xlsx)",
                                                            "/files/asset/exports/standard-sheet.xlsx")))),
                            ""));
        }
        return List.of(s);
    }

    /**
     * 保守: the tickets the user may see (a vendor: its organisation's only — the service decides).
     */
    public List<Section> tickets(String status) {
        String path =
                "/tickets"
                        + (status != null && status.matches("[A-Z_]{1,32}")
                                ? "?status=" + status
                                : "");
        Reply r = calls.await(calls.getAll(Svc.MAINTENANCE, path), Svc.MAINTENANCE);
        Section s = new Section("tickets", "保守チケット");
        if (s.accept(r)) {
            Instant now = Instant.now();
            List<Row> rows = new ArrayList<>();
            for (JsonNode t : r.items()) {
                String id = Json.text(t, "id");
                String st = Json.text(t, "status");
                String sla =
                        "CLOSED".equals(st) || "CANCELLED".equals(st)
                                ? (Json.bool(t, "breached") ? "SLA違反" : "—")
                                : Dashboard.sla(t, now);
                rows.add(
                        new Row(
                                List.of(
                                        Cell.link("#" + id, "/maintenance/tickets/" + id),
                                        Cell.of(Json.text(t, "organisation")),
                                        Cell.of(Json.text(t, "hardwareId")),
                                        Cell.of(Json.text(t, "severity")),
                                        Cell.of(Jp.label(st)),
                                        Cell.of(Jp.time(Json.text(t, "reportedAt"))),
                                        Cell.state(sla, Dashboard.slaCss(sla)))));
            }
            s.table(
                    new Table(
                            "チケット一覧",
                            List.of("チケット", "組織", "機器", "重要度", "状態", "受付日時", "SLA"),
                            rows,
                            "チケットはありません。"));
            s.table(
                    new Table(
                            "ダウンロード",
                            List.of("ファイル"),
                            List.of(
                                    new Row(
                                            List.of(
                                                    Cell.link(
                                                            "破壊記録簿 (xlsx)",
                                                            "/files/maintenance/reports/destruction-register.xlsx")))),
                            ""));
        }
        return List.of(s);
    }

    /** A ticket with its custody chain and evidence files. */
    public List<Section> ticket(long id, CurrentUser user) {
        CompletableFuture<Reply> ticket = calls.get(Svc.MAINTENANCE, "/tickets/" + id);
        CompletableFuture<Reply> items =
                calls.getAll(Svc.MAINTENANCE, "/custody-items?ticketId=" + id);
        List<Section> out = new ArrayList<>();
        Section t = new Section("ticket", "チケット #" + id);
        Reply tr = calls.await(ticket, Svc.MAINTENANCE);
        if (t.accept(tr)) {
            JsonNode b = tr.body();
            List<Row> rows = new ArrayList<>();
            for (String[] f :
                    new String[][] {
                        {"organisation", "組織"},
                        {"hardwareId", "機器"},
                        {"severity", "重要度"},
                        {"faultClass", "障害区分"},
                        {"description", "内容"},
                        {"filedBy", "起票者"}
                    }) {
                rows.add(new Row(List.of(Cell.of(f[1]), Cell.of(Json.text(b, f[0])))));
            }
            rows.add(new Row(List.of(Cell.of("状態"), Cell.of(Jp.label(Json.text(b, "status"))))));
            for (String[] f :
                    new String[][] {
                        {"occurredAt", "発生日時"},
                        {"reportedAt", "受付日時"},
                        {"responseDue", "応答期限"},
                        {"acknowledgedAt", "応答日時"},
                        {"restorationDue", "復旧期限"},
                        {"resolvedAt", "復旧日時"}
                    }) {
                rows.add(new Row(List.of(Cell.of(f[1]), Cell.of(Jp.time(Json.text(b, f[0]))))));
            }
            String sla = Dashboard.sla(b, Instant.now());
            rows.add(new Row(List.of(Cell.of("SLA"), Cell.state(sla, Dashboard.slaCss(sla)))));
            t.table(new Table("チケットの内容", List.of("項目", "値"), rows, ""));
        }
        out.add(t);
        Section c = new Section("custody", "記憶媒体の保管の連鎖と証跡");
        Reply ir = calls.await(items, Svc.MAINTENANCE);
        if (c.accept(ir)) {
            Map<String, CompletableFuture<Reply>> details = new LinkedHashMap<>();
            Map<String, CompletableFuture<Reply>> evidence = new LinkedHashMap<>();
            for (JsonNode i : ir.items()) {
                String itemId = Json.text(i, "id");
                details.put(
                        itemId,
                        calls.get(Svc.MAINTENANCE, "/custody-items/" + Json.number(i, "id")));
                evidence.put(
                        itemId,
                        calls.get(
                                Svc.MAINTENANCE,
                                "/custody-items/" + Json.number(i, "id") + "/evidence"));
            }
            if (details.isEmpty()) {
                c.note("このチケットで取り外した記憶媒体はありません。");
            }
            for (var e : details.entrySet()) {
                custody(
                        c,
                        e.getKey(),
                        calls.await(e.getValue(), Svc.MAINTENANCE),
                        calls.await(evidence.get(e.getKey()), Svc.MAINTENANCE),
                        user,
                        "/maintenance/tickets/" + id);
            }
        }
        out.add(c);
        return out;
    }

    /** One medium's custody chain and its evidence with files. */
    public List<Section> custodyItem(long id, CurrentUser user) {
        Section c = new Section("custody", "記憶媒体 #" + id);
        CompletableFuture<Reply> d = calls.get(Svc.MAINTENANCE, "/custody-items/" + id);
        CompletableFuture<Reply> e =
                calls.get(Svc.MAINTENANCE, "/custody-items/" + id + "/evidence");
        custody(
                c,
                String.valueOf(id),
                calls.await(d, Svc.MAINTENANCE),
                calls.await(e, Svc.MAINTENANCE),
                user,
                "/maintenance/custody/" + id);
        return List.of(c);
    }

    private void custody(
            Section c, String itemId, Reply detail, Reply evidence, CurrentUser user, String page) {
        if (c.accept(detail)) {
            JsonNode item = detail.body().path("item");
            List<Row> chain = new ArrayList<>();
            for (JsonNode ev : detail.body().path("chain")) {
                chain.add(
                        new Row(
                                List.of(
                                        Cell.of(
                                                Jp.time(
                                                        Json.text(
                                                                ev,
                                                                "at",
                                                                Json.text(ev, "occurredAt")))),
                                        Cell.of(Json.text(ev, "kind", Json.text(ev, "type"))),
                                        Cell.of(Json.text(ev, "holder")),
                                        Cell.of(Json.text(ev, "location")),
                                        Cell.of(
                                                Json.text(
                                                        ev,
                                                        "actor",
                                                        Json.text(ev, "recordedBy"))))));
            }
            c.table(
                    new Table(
                            "媒体 #"
                                    + itemId
                                    + " "
                                    + Json.text(item, "kind", "")
                                    + " シリアル "
                                    + Json.text(item, "serial", "?")
                                    + "（"
                                    + Jp.label(Json.text(item, "status"))
                                    + "）の保管の連鎖",
                            List.of("日時", "事象", "保管者", "場所", "記録者"),
                            chain,
                            "記録はまだありません。"));
        }
        if (c.accept(evidence)) {
            List<Row> rows = new ArrayList<>();
            for (JsonNode ev : evidence.items()) {
                String evId = Json.text(ev, "id");
                List<String> names = new ArrayList<>();
                Cell first = Cell.of("ファイルなし");
                for (JsonNode f : ev.path("files")) {
                    if (names.isEmpty()) {
                        first =
                                Cell.link(
                                        Json.text(f, "originalName", "ファイル"),
                                        "/files/maintenance/evidence/"
                                                + evId
                                                + "/files/"
                                                + Json.number(f, "id"));
                    }
                    names.add(Json.text(f, "originalName", "ファイル"));
                }
                if ("SUBMITTED".equals(Json.text(ev, "status"))
                        && user.isCanUploadEvidence()
                        && evId != null
                        && evId.matches("\\d{1,18}")) {
                    // files are added while the evidence awaits its decision (maintenance-service:
                    // 422 otherwise)
                    c.uploads.add(
                            View.Upload.of(evId, "証跡 #" + evId + "（媒体 #" + itemId + "）", page));
                }
                rows.add(
                        new Row(
                                List.of(
                                        Cell.of("#" + evId),
                                        Cell.of(
                                                Json.text(ev, "method")
                                                        + " / "
                                                        + Json.text(ev, "technique")),
                                        Cell.of(Jp.date(Json.text(ev, "performedOn"))),
                                        Cell.of(Jp.label(Json.text(ev, "status"))),
                                        Cell.of(Json.text(ev, "decisionReason", "—")),
                                        first,
                                        Cell.of(
                                                names.size() > 1
                                                        ? "他 " + (names.size() - 1) + " 件"
                                                        : ""))));
            }
            c.table(
                    new Table(
                            "媒体 #" + itemId + " の破壊・消去の証跡",
                            List.of("証跡", "方式", "実施日", "状態", "判断理由", "ファイル", ""),
                            rows,
                            "証跡はまだ提出されていません。"));
        }
    }

    /** バックアップ: policies, targets with freshness, recent runs. */
    public List<Section> backup() {
        CompletableFuture<Reply> policies = calls.getAll(Svc.BACKUP, "/policies");
        CompletableFuture<Reply> targets = calls.getAll(Svc.BACKUP, "/targets");
        CompletableFuture<Reply> runs = calls.get(Svc.BACKUP, "/runs?size=50");
        List<Section> out = new ArrayList<>();
        Section t = new Section("targets", "バックアップ対象と鮮度");
        Reply tr = calls.await(targets, Svc.BACKUP);
        if (t.accept(tr)) {
            Map<JsonNode, CompletableFuture<Reply>> status = new LinkedHashMap<>();
            for (JsonNode target : tr.items()) {
                status.put(
                        target,
                        calls.get(Svc.BACKUP, "/targets/" + Json.number(target, "id") + "/status"));
            }
            List<Row> rows = new ArrayList<>();
            for (var e : status.entrySet()) {
                JsonNode target = e.getKey();
                Reply sr = calls.await(e.getValue(), Svc.BACKUP);
                JsonNode st = sr.ok() ? sr.body() : null;
                String state =
                        st == null ? "取得できません" : Json.bool(st, "rpoBreached") ? "RPO超過" : "正常";
                rows.add(
                        new Row(
                                List.of(
                                        Cell.of(Json.text(target, "name")),
                                        Cell.of(Jp.label(Json.text(target, "environment"))),
                                        Cell.of(Json.text(target, "kind")),
                                        Cell.of(
                                                st == null
                                                        ? "—"
                                                        : Jp.time(Json.text(st, "lastSuccessAt"))),
                                        Cell.of(
                                                st == null
                                                        ? "—"
                                                        : Json.text(st, "missedRuns", "0")),
                                        Cell.of(
                                                st == null
                                                        ? "—"
                                                        : Json.text(st, "failedRuns", "0")),
                                        Cell.state(state, "正常".equals(state) ? "ok" : "bad"))));
            }
            t.table(
                    new Table(
                            "対象ごとの状態",
                            List.of("対象", "環境", "種類", "最後の成功", "未実行", "失敗", "判定"),
                            rows,
                            "バックアップ対象はありません。"));
        }
        out.add(t);
        Section p = new Section("policies", "バックアップ方針");
        Reply pr = calls.await(policies, Svc.BACKUP);
        if (p.accept(pr)) {
            List<Row> rows = new ArrayList<>();
            for (JsonNode pol : pr.items()) {
                rows.add(
                        new Row(
                                List.of(
                                        Cell.of(Json.text(pol, "name")),
                                        Cell.of(Json.text(pol, "cron")),
                                        Cell.of(Json.text(pol, "timeZone")),
                                        Cell.of(Json.text(pol, "level")),
                                        Cell.of(Json.bool(pol, "paused") ? "停止中" : "有効"),
                                        Cell.of(Jp.time(Json.text(pol, "nextFireTime"))))));
            }
            p.table(
                    new Table(
                            "方針",
                            List.of("名称", "スケジュール (cron)", "タイムゾーン", "レベル", "状態", "次回実行"),
                            rows,
                            "方針はありません。"));
        }
        out.add(p);
        Section r = new Section("runs", "最近の実行");
        Reply rr = calls.await(runs, Svc.BACKUP);
        if (r.accept(rr)) {
            List<Row> rows = new ArrayList<>();
            for (JsonNode run : rr.items()) {
                String state = Json.text(run, "state");
                rows.add(
                        new Row(
                                List.of(
                                        Cell.of(Json.text(run, "id")),
                                        Cell.of(Json.text(run, "policyId")),
                                        Cell.of(Json.text(run, "targetId")),
                                        Cell.of(Jp.time(Json.text(run, "expectedFireTime"))),
                                        Cell.state(
                                                Jp.label(state),
                                                "SUCCEEDED".equals(state)
                                                        ? "ok"
                                                        : "FAILED".equals(state)
                                                                        || "MISSED".equals(state)
                                                                ? "bad"
                                                                : null),
                                        Cell.of(Json.text(run, "error", "")))));
            }
            r.table(
                    new Table(
                            "実行（新しい順）",
                            List.of("実行", "方針", "対象", "予定時刻", "結果", "エラー"),
                            rows,
                            "実行記録はありません。"));
        }
        out.add(r);
        return out;
    }

    /**
     * 撤去: readiness per environment, each blocker linked to its record where the console has a page
     * for it.
     */
    public List<Section> removal() {
        Map<String, CompletableFuture<Reply>> calls3 = new LinkedHashMap<>();
        for (String env : ENVIRONMENTS) {
            calls3.put(env, calls.get(Svc.LIFECYCLE, "/removal/" + env + "/readiness"));
        }
        List<Section> out = new ArrayList<>();
        for (var e : calls3.entrySet()) {
            Section s =
                    new Section(
                            "removal-" + e.getKey().toLowerCase(), Jp.label(e.getKey()) + " の撤去準備");
            Reply r = calls.await(e.getValue(), Svc.LIFECYCLE);
            if (s.accept(r)) {
                JsonNode b = r.body();
                boolean ready = Json.bool(b, "ready");
                s.note(
                        "フェーズ: "
                                + Jp.label(Json.text(b, "phase"))
                                + "　撤去期限: "
                                + Jp.date(Json.text(b, "removalDeadline"))
                                + "（残り "
                                + Json.text(b, "daysLeftToRemovalDeadline", "?")
                                + " 日）");
                s.note(ready ? "撤去の準備ができています。" : "撤去の前に解消が必要な項目があります。");
                List<Row> rows = new ArrayList<>();
                for (JsonNode bl : b.path("blockers")) {
                    rows.add(
                            new Row(
                                    List.of(
                                            Cell.of(blockerKind(Json.text(bl, "kind"))),
                                            blockerLink(bl),
                                            Cell.of(Json.text(bl, "detail")),
                                            Cell.of(Json.text(bl, "source")))));
                }
                s.table(
                        new Table(
                                "未解消の項目", List.of("種類", "記録", "内容", "出所"), rows, "未解消の項目はありません。"));
            }
            out.add(s);
        }
        return out;
    }

    private static final Map<String, String> BLOCKERS =
            Map.ofEntries(
                    Map.entry("ENVIRONMENT_NOT_REMOVED", "他の環境が撤去されていない"),
                    Map.entry("SERVICE_UNAVAILABLE", "確認できないサービスがある"),
                    Map.entry("MEDIUM_REMOVED_WITHOUT_CUSTODY", "保管の記録がないまま取り外された媒体"),
                    Map.entry("MEDIUM_WITHOUT_ACCEPTED_EVIDENCE", "破壊証跡が受理されていない媒体"),
                    Map.entry("OUTSTANDING_SANITIZATION", "消去・破壊が済んでいない媒体"),
                    Map.entry("VENDOR_COPY_NOT_CONFIRMED", "ベンダ保有の複製の廃棄が未確認"),
                    Map.entry("BACKUP_COPY_NOT_ACCOUNTED_FOR", "所在の確認されていないバックアップ複製"),
                    Map.entry("RESTORATION_NOT_SIGNED", "原状回復の確認が未署名"),
                    Map.entry("ARCHIVE_NOT_HANDED_OVER", "記録の引き渡しが未実施"),
                    Map.entry("ARCHIVE_RECEIPT_NOT_RECORDED", "記録の受領が未登録"),
                    Map.entry("ARCHIVE_OLDER_THAN_EVIDENCE", "引き渡した記録が最新の証跡より古い"));

    static String blockerKind(String kind) {
        return kind == null ? "—" : BLOCKERS.getOrDefault(kind, kind) + "（" + kind + "）";
    }

    /**
     * A blocker's record ("sanitization:custody-item:21", "medium:SN-1", "phase:STAGING",
     * "backup-copy:4" …) as a link where the console has a page for it, else as text.
     */
    static Cell blockerLink(JsonNode bl) {
        String id = Json.text(bl, "id");
        if (id == null) {
            return Cell.of("—");
        }
        java.util.regex.Matcher custody =
                java.util.regex.Pattern.compile("custody-item:(\\d{1,18})").matcher(id);
        if (custody.find()) {
            return Cell.link(id, "/maintenance/custody/" + custody.group(1));
        }
        java.util.regex.Matcher phase =
                java.util.regex.Pattern.compile("^phase:(PRODUCTION|STAGING|SHARED)$").matcher(id);
        if (phase.find()) {
            return Cell.link(id, "/removal#section-removal-" + phase.group(1).toLowerCase());
        }
        if (id.startsWith("backup-copy:")) {
            return Cell.link(id, "/backup");
        }
        if (id.startsWith("medium:")) {
            return Cell.link(id, "/ledger?q=" + q(id.substring("medium:".length())));
        }
        return Cell.of(id);
    }

    /** 監査: verify every chain, download each export through the console. */
    public List<Section> audit(CurrentUser user) {
        Section s = new Section("audit", "監査チェーンの検証");
        if (!user.isAuditReader()) {
            s.note("監査証跡は特許庁管理者と監査担当だけが閲覧できます。");
            return List.of(s);
        }
        Map<Svc, CompletableFuture<Reply>> verify = new LinkedHashMap<>();
        for (Svc svc : Svc.values()) {
            verify.put(svc, calls.get(svc, "/audit/verify"));
        }
        List<Row> rows = new ArrayList<>();
        List<Row> downloads = new ArrayList<>();
        for (var e : verify.entrySet()) {
            rows.add(Dashboard.auditRow(e.getKey(), calls.await(e.getValue(), e.getKey())));
            downloads.add(
                    new Row(
                            List.of(
                                    Cell.of(e.getKey().label()),
                                    Cell.link(
                                            "監査証跡をダウンロード (JSON)",
                                            "/audit/" + e.getKey().key() + "/export"))));
        }
        s.table(
                new Table(
                        "サービスごとの検証結果（このページを開いた時点で再計算）",
                        List.of("サービス", "状態", "検証件数", "最終連番", "検証日時"),
                        rows,
                        ""));
        s.table(new Table("監査証跡の書き出し", List.of("サービス", "ダウンロード"), downloads, ""));
        return List.of(s);
    }
}
