package io.kiban.console.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kiban.console.page.View.Approval;
import io.kiban.console.page.View.Cell;
import io.kiban.console.page.View.Section;
import io.kiban.console.support.Jp;
import io.kiban.console.support.Json;
import io.kiban.console.support.Reply;
import io.kiban.console.support.ServiceCalls;
import io.kiban.console.support.Svc;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * 承認待ち: everything that waits for a jpo-admin decision, read from the services that own it. Each
 * item's version is the ETag its service answered for it as it was read here; the decision sends
 * exactly that back as If-Match (a change in between is the service's 412, shown in Japanese).
 */
@ApplicationScoped
public class Inbox {

    /**
     * A kind of approval: where the pending ones are listed, how one is read (its ETag), where
     * approve and return go, whether the return carries a reason and under which JSON field. The
     * form names only the kind and the id: the console builds the paths, a form cannot point it
     * anywhere else.
     */
    @TemplateData
    public record Kind(
            String key,
            String label,
            Svc svc,
            String list,
            Predicate<JsonNode> pending,
            String item,
            String approve,
            String approveReasonField,
            String reject,
            String rejectReasonField,
            boolean rejectNeedsReason,
            boolean approveNeedsReason,
            Pattern idPattern) {

        Kind(
                String key,
                String label,
                Svc svc,
                String list,
                Predicate<JsonNode> pending,
                String item,
                String approve,
                String approveReasonField,
                String reject,
                String rejectReasonField,
                boolean rejectNeedsReason) {
            this(
                    key,
                    label,
                    svc,
                    list,
                    pending,
                    item,
                    approve,
                    approveReasonField,
                    reject,
                    rejectReasonField,
                    rejectNeedsReason,
                    false,
                    NUMERIC_ID);
        }

        /**
         * Whether a form's id is one of this kind's (a number; a restoration item is
         * ENVIRONMENT:ITEM).
         */
        public boolean validId(String id) {
            return id != null && idPattern.matcher(id).matches();
        }

        /** The service path of {@code template} for item {@code id} ({id}, or {env} and {item}). */
        String path(String template, String id) {
            int colon = id.indexOf(':');
            if (colon > 0) {
                return template.replace("{env}", id.substring(0, colon))
                        .replace("{item}", id.substring(colon + 1));
            }
            return template.replace("{id}", id);
        }
    }

    static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");
    static final Pattern RESTORATION_ID =
            Pattern.compile("(PRODUCTION|STAGING|SHARED):[A-Z][A-Z0-9_]{0,31}");

    /**
     * custody statuses from which a PURGE exception may still be approved (before evidence is
     * submitted, R-MT-5)
     */
    static final List<String> PURGE_STATUSES =
            List.of("REMOVED_ON_SITE", "IN_CUSTODY", "EVIDENCE_REJECTED");

    static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        add(
                new Kind(
                        "handler",
                        "情報取扱者の承認（R-SEC-1）",
                        Svc.LIFECYCLE,
                        "/handlers?size=200",
                        h ->
                                "PROPOSED".equals(Json.text(h, "status"))
                                        || Json.text(h, "pendingChange") != null,
                        "/handlers/{id}",
                        "/handlers/{id}/approval",
                        null,
                        "/handlers/{id}/rejection",
                        "reason",
                        true));
        add(
                new Kind(
                        "extension",
                        "納入期限の延長（R-LC-3）",
                        Svc.LIFECYCLE,
                        "/deliveries/extensions?size=200",
                        e -> "PROPOSED".equals(Json.text(e, "status")),
                        "/deliveries/extensions/{id}",
                        "/deliveries/extensions/{id}/approval",
                        null,
                        "/deliveries/extensions/{id}/rejection",
                        null,
                        false));
        add(
                new Kind(
                        "deliverable",
                        "納品物",
                        Svc.LIFECYCLE,
                        "/deliverables?size=200",
                        d -> "SUBMITTED".equals(Json.text(d, "status")),
                        "/deliverables/{id}",
                        "/deliverables/{id}/approval",
                        null,
                        "/deliverables/{id}/return",
                        "reason",
                        true));
        add(
                new Kind(
                        "amendment",
                        "契約変更（R-SEC-2）",
                        Svc.LIFECYCLE,
                        "/contract/amendments?size=200",
                        a -> "PROPOSED".equals(Json.text(a, "status")),
                        "/contract/amendments/{id}",
                        "/contract/amendments/{id}/approval",
                        null,
                        "/contract/amendments/{id}/rejection",
                        null,
                        false));
        add(
                new Kind(
                        "delay",
                        "本番稼働開始の遅延（R-LC-14）",
                        Svc.LIFECYCLE,
                        "/lease/delays",
                        d -> "PROPOSED".equals(Json.text(d, "status")),
                        "/lease/delays/{id}",
                        "/lease/delays/{id}/approval",
                        null,
                        "/lease/delays/{id}/rejection",
                        null,
                        false));
        add(
                new Kind(
                        "evidence",
                        "破壊・消去の証跡（R-MT-6）",
                        Svc.MAINTENANCE,
                        null,
                        e -> "SUBMITTED".equals(Json.text(e, "status")),
                        "/evidence/{id}",
                        "/evidence/{id}/acceptance",
                        "reason",
                        "/evidence/{id}/rejection",
                        "reason",
                        true));
        add(
                new Kind(
                        "contractor",
                        "再委託先（R-MT-4）",
                        Svc.MAINTENANCE,
                        "/contractors?size=200",
                        c -> "PROPOSED".equals(Json.text(c, "status")),
                        "/contractors/{id}",
                        "/contractors/{id}/approval",
                        "note",
                        null,
                        null,
                        false));
        add(
                new Kind(
                        "plan",
                        "脆弱性の対策計画（R-AS-5）",
                        Svc.ASSET,
                        "/findings?status=PLANNED&size=200",
                        f -> "PLANNED".equals(Json.text(f, "status")),
                        "/findings/{id}",
                        "/findings/{id}/plan/confirmation",
                        null,
                        null,
                        null,
                        false));
        // a part removed for a minor fault that did not reach the controller may be purged instead
        // of destroyed,
        // if jpo-admin approves it with a reason before evidence is submitted (R-MT-5); there is no
        // "return"
        add(
                new Kind(
                        "purge",
                        "PURGE（消去）による例外（R-MT-5）",
                        Svc.MAINTENANCE,
                        null,
                        i ->
                                "PART".equals(Json.text(i, "source"))
                                        && Json.text(i, "ticketId") != null
                                        && Json.text(i, "purgeApprovedAt") == null
                                        && PURGE_STATUSES.contains(Json.text(i, "status")),
                        "/custody-items/{id}",
                        "/custody-items/{id}/purge-exception",
                        "reason",
                        null,
                        null,
                        false,
                        true,
                        NUMERIC_ID));
        // restoration items of an environment being removed, with evidence and not signed yet
        // (R-RM-1, R-SEC-2)
        add(
                new Kind(
                        "restoration",
                        "原状回復の確認（R-RM-1）",
                        Svc.LIFECYCLE,
                        null,
                        c -> !Json.bool(c, "signed") && c.path("evidence").size() > 0,
                        "/removal/{env}/checklist/{item}",
                        "/removal/{env}/checklist/{item}/signature",
                        null,
                        null,
                        null,
                        false,
                        false,
                        RESTORATION_ID));
    }

    private static void add(Kind k) {
        KINDS.put(k.key(), k);
    }

    public static Kind kind(String key) {
        return key == null ? null : KINDS.get(key);
    }

    /** One section per kind, in the order above. */
    @TemplateData
    public record KindSection(Kind kind, Section section, List<Approval> items) {}

    private final ServiceCalls calls;
    private final ObjectMapper json;

    public Inbox(ServiceCalls calls, ObjectMapper json) {
        this.calls = calls;
        this.json = json;
    }

    /** The list calls of every kind, started at once (the dashboard starts them with its own). */
    public record Started(
            Map<String, CompletableFuture<Reply>> lists,
            Map<String, CompletableFuture<Reply>> extra) {}

    public List<KindSection> build() {
        return build(start());
    }

    public Started start() {
        Map<String, CompletableFuture<Reply>> lists = new LinkedHashMap<>();
        Map<String, CompletableFuture<Reply>> extra = new LinkedHashMap<>();
        for (Kind k : KINDS.values()) {
            switch (k.key()) {
                case "evidence" ->
                        lists.put(
                                k.key(),
                                calls.getAll(
                                        Svc.MAINTENANCE,
                                        "/custody-items?status=EVIDENCE_SUBMITTED"));
                case "purge" -> {
                    lists.put(
                            k.key(),
                            calls.getAll(
                                    Svc.MAINTENANCE,
                                    "/custody-items?status=" + PURGE_STATUSES.get(0)));
                    for (String status : PURGE_STATUSES.subList(1, PURGE_STATUSES.size())) {
                        extra.put(
                                status,
                                calls.getAll(Svc.MAINTENANCE, "/custody-items?status=" + status));
                    }
                }
                case "restoration" -> lists.put(k.key(), calls.get(Svc.LIFECYCLE, "/phases"));
                default -> lists.put(k.key(), calls.getAll(k.svc(), k.list()));
            }
        }
        return new Started(lists, extra);
    }

    public List<KindSection> build(Started started) {
        Map<String, CompletableFuture<Reply>> lists = started.lists();
        Map<String, CompletableFuture<Reply>> extra = started.extra();
        List<KindSection> out = new ArrayList<>();
        for (Kind k : KINDS.values()) {
            Section s = new Section(k.key(), k.label());
            List<Approval> items = new ArrayList<>();
            Reply list = calls.await(lists.get(k.key()), k.svc());
            if (s.accept(list)) {
                List<String> ids =
                        switch (k.key()) {
                            case "evidence" -> evidenceIds(k, s, list);
                            case "purge" -> purgeIds(k, s, list, extra);
                            case "restoration" -> restorationIds(k, s, list);
                            default ->
                                    list.items().stream()
                                            .filter(k.pending())
                                            .map(e -> Json.text(e, "id"))
                                            .toList();
                        };
                // read each one for the ETag the decision must send back
                List<CompletableFuture<Reply>> reads = new ArrayList<>();
                for (String id : ids) {
                    reads.add(calls.get(k.svc(), k.path(k.item(), id)));
                }
                for (int i = 0; i < ids.size(); i++) {
                    Reply r = calls.await(reads.get(i), k.svc());
                    if (s.accept(r)) {
                        items.add(approval(k, ids.get(i), r));
                    }
                }
            }
            out.add(new KindSection(k, s, items));
        }
        return out;
    }

    /** evidence: the media whose evidence was submitted, then each medium's evidence records. */
    private List<String> evidenceIds(Kind k, Section s, Reply list) {
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Reply>> perItem = new ArrayList<>();
        for (JsonNode item : list.items()) {
            perItem.add(
                    calls.get(
                            Svc.MAINTENANCE,
                            "/custody-items/" + Json.number(item, "id") + "/evidence"));
        }
        for (CompletableFuture<Reply> f : perItem) {
            Reply r = calls.await(f, Svc.MAINTENANCE);
            if (s.accept(r)) {
                r.items().stream().filter(k.pending()).forEach(e -> ids.add(Json.text(e, "id")));
            }
        }
        return ids;
    }

    /**
     * PURGE exceptions: parts not yet evidenced, without an exception, whose ticket's fault class
     * is MINOR_NOT_CONTROLLER (the only case R-MT-5 allows; each ticket read once).
     */
    private List<String> purgeIds(
            Kind k, Section s, Reply first, Map<String, CompletableFuture<Reply>> extra) {
        List<JsonNode> candidates =
                new ArrayList<>(first.items().stream().filter(k.pending()).toList());
        for (CompletableFuture<Reply> f : extra.values()) {
            Reply r = calls.await(f, Svc.MAINTENANCE);
            if (s.accept(r)) {
                r.items().stream().filter(k.pending()).forEach(candidates::add);
            }
        }
        Map<String, CompletableFuture<Reply>> tickets = new LinkedHashMap<>();
        for (JsonNode c : candidates) {
            String ticket = Json.text(c, "ticketId");
            if (ticket.matches("\\d{1,18}")) {
                tickets.computeIfAbsent(ticket, t -> calls.get(Svc.MAINTENANCE, "/tickets/" + t));
            }
        }
        Map<String, Boolean> minor = new LinkedHashMap<>();
        for (var e : tickets.entrySet()) {
            Reply r = calls.await(e.getValue(), Svc.MAINTENANCE);
            if (s.accept(r)) {
                minor.put(
                        e.getKey(),
                        "MINOR_NOT_CONTROLLER".equals(Json.text(r.body(), "faultClass")));
            }
        }
        return candidates.stream()
                .filter(c -> minor.getOrDefault(Json.text(c, "ticketId"), false))
                .map(c -> Json.text(c, "id"))
                .distinct()
                .toList();
    }

    /**
     * restoration: each environment being removed, its checklist items with evidence and no
     * signature yet.
     */
    private List<String> restorationIds(Kind k, Section s, Reply phases) {
        Map<String, CompletableFuture<Reply>> checklists = new LinkedHashMap<>();
        for (JsonNode p : phases.items()) {
            String env = Json.text(p, "environment");
            if ("REMOVING".equals(Json.text(p, "phase"))
                    && env != null
                    && Browse.ENVIRONMENTS.contains(env)) {
                checklists.put(env, calls.get(Svc.LIFECYCLE, "/removal/" + env + "/checklist"));
            }
        }
        List<String> ids = new ArrayList<>();
        for (var e : checklists.entrySet()) {
            Reply r = calls.await(e.getValue(), Svc.LIFECYCLE);
            if (s.accept(r)) {
                r.items().stream()
                        .filter(k.pending())
                        .map(c -> e.getKey() + ":" + Json.text(c, "item"))
                        .filter(k::validId)
                        .forEach(ids::add);
            }
        }
        return ids;
    }

    private Approval approval(Kind k, String id, Reply r) {
        JsonNode b = r.body();
        List<String> facts = new ArrayList<>();
        List<Cell> files = new ArrayList<>();
        String title;
        String link = null;
        switch (k.key()) {
            case "handler" -> {
                title = Json.text(b, "name", "?") + "（" + Json.text(b, "organisation", "?") + "）";
                facts.add(
                        "役割: "
                                + Json.text(b, "role", "—")
                                + " / 所属: "
                                + Json.text(b, "affiliation", "—"));
                facts.add("アカウント: " + Json.text(b, "accountId", "—"));
                if (Json.text(b, "pendingChange") != null) {
                    facts.add(
                            "変更の提案: "
                                    + Json.text(b, "pendingChange")
                                    + "（提案者 "
                                    + Json.text(b, "pendingChangeBy", "—")
                                    + "）");
                }
                facts.add(
                        "提案者: "
                                + Json.text(b, "proposedBy", "—")
                                + " / "
                                + Jp.time(Json.text(b, "proposedAt")));
            }
            case "extension" -> {
                title =
                        Jp.label(Json.text(b, "environment"))
                                + " "
                                + Json.text(b, "baselineItem", "");
                facts.add(
                        "理由: "
                                + Json.text(b, "cause", "—")
                                + " — "
                                + Json.text(b, "explanation", ""));
                facts.add("新しい期日: " + Jp.date(Json.text(b, "newDate")));
                facts.add(
                        "提案者: "
                                + Json.text(b, "proposedBy", "—")
                                + " / "
                                + Jp.time(Json.text(b, "proposedAt")));
            }
            case "deliverable" -> {
                title = Json.text(b, "title", "納品物 " + id);
                facts.add(
                        "規則: "
                                + Json.text(b, "rule", "—")
                                + " / 期日: "
                                + Jp.date(Json.text(b, "dueDate")));
                facts.add(
                        "提出者: "
                                + Json.text(b, "submittedBy", "—")
                                + " / "
                                + Jp.date(Json.text(b, "submittedOn")));
                if (Json.text(b, "fileName") != null) {
                    files.add(
                            Cell.link(
                                    Json.text(b, "fileName"),
                                    "/files/lifecycle/deliverables/" + id + "/file"));
                }
            }
            case "amendment" -> {
                title = "契約変更 #" + id;
                facts.add("理由: " + Json.text(b, "reason", "—"));
                facts.add("変更後の契約: " + Json.text(b, "contract", "—"));
                facts.add(
                        "提案者: "
                                + Json.text(b, "proposedBy", "—")
                                + " / "
                                + Jp.time(Json.text(b, "proposedAt")));
            }
            case "delay" -> {
                title =
                        "遅延 "
                                + Jp.date(Json.text(b, "startDate"))
                                + " 〜 "
                                + Jp.date(Json.text(b, "endDate"))
                                + "（"
                                + Json.text(b, "days", "?")
                                + " 日）";
                facts.add("原因: " + Json.text(b, "cause", "—") + " / " + Json.text(b, "note", ""));
                facts.add(
                        "記録者: "
                                + Json.text(b, "recordedBy", "—")
                                + " / "
                                + Jp.time(Json.text(b, "recordedAt")));
            }
            case "evidence" -> {
                title =
                        "媒体 "
                                + Json.text(b, "serial", "?")
                                + "（"
                                + Json.text(b, "mediaType", "")
                                + "）";
                facts.add(
                        "方式: "
                                + Json.text(b, "method", "—")
                                + " / "
                                + Json.text(b, "technique", "—")
                                + " / 実施日 "
                                + Jp.date(Json.text(b, "performedOn")));
                facts.add(
                        "実施者: "
                                + Json.text(b, "performedBy", "—")
                                + " / 場所: "
                                + Json.text(b, "place", "—"));
                facts.add(
                        "提出者: "
                                + Json.text(b, "submittedBy", "—")
                                + " / "
                                + Jp.time(Json.text(b, "submittedAt")));
                for (JsonNode f : b.path("files")) {
                    files.add(
                            Cell.link(
                                    Json.text(f, "originalName", "ファイル " + Json.text(f, "id")),
                                    "/files/maintenance/evidence/"
                                            + id
                                            + "/files/"
                                            + Json.number(f, "id")));
                }
                String item = Json.text(b, "custodyItemId");
                link = item == null ? null : "/maintenance/custody/" + item;
            }
            case "contractor" -> {
                title = Json.text(b, "name", "再委託先 " + id);
                facts.add("範囲: " + Json.text(b, "scope", "—"));
                facts.add(
                        "提案者: "
                                + Json.text(b, "proposedBy", "—")
                                + " / "
                                + Jp.time(Json.text(b, "proposedAt")));
            }
            case "purge" -> {
                JsonNode i = b.path("item");
                title =
                        "部品の媒体 "
                                + Json.text(i, "serial", "?")
                                + "（"
                                + Json.text(i, "kind", "")
                                + "）";
                facts.add(
                        "チケット #"
                                + Json.text(i, "ticketId", "—")
                                + "（軽微な障害・コントローラ以外） / 機器 "
                                + Json.text(i, "hardwareId", "—")
                                + " / 部品交換 "
                                + Json.text(i, "replacementId", "—"));
                facts.add(
                        "状態: "
                                + Jp.label(Json.text(i, "status"))
                                + " / 保管者: "
                                + Json.text(i, "holder", "—")
                                + " / 場所: "
                                + Json.text(i, "location", "—"));
                facts.add("承認すると、破壊ではなく PURGE（消去）の証跡で足ります。理由の入力が必要です。");
                link = "/maintenance/custody/" + id;
            }
            case "restoration" -> {
                String env = id.substring(0, id.indexOf(':'));
                String item = id.substring(id.indexOf(':') + 1);
                title = Jp.label(env) + " — " + Json.text(b, "label", item) + "（" + item + "）";
                facts.add("ベンダのメモ: " + Json.text(b, "vendorNote", "—"));
                for (JsonNode f : b.path("evidence")) {
                    String sha = Json.text(f, "sha256", "");
                    if (sha.matches("[0-9a-f]{64}")) {
                        files.add(
                                Cell.link(
                                        Json.text(f, "fileName", "ファイル"),
                                        "/files/lifecycle/removal/"
                                                + env
                                                + "/checklist/"
                                                + item
                                                + "/evidence/"
                                                + sha));
                    }
                    facts.add(
                            "証跡: "
                                    + Json.text(f, "fileName", "?")
                                    + "（"
                                    + Json.text(f, "uploadedBy", "—")
                                    + " / "
                                    + Jp.time(Json.text(f, "uploadedAt"))
                                    + "）");
                }
                link = "/removal#section-removal-" + env.toLowerCase();
            }
            default -> {
                title =
                        Json.text(b, "advisory", "所見 " + id)
                                + " — "
                                + Json.text(b, "softwareName", "")
                                + " "
                                + Json.text(b, "softwareVersion", "");
                facts.add(
                        "重要度: "
                                + Json.text(b, "severity", "—")
                                + " / 環境: "
                                + Jp.label(Json.text(b, "environment")));
                facts.add(
                        "対策: "
                                + Json.text(b, "planAction", "—")
                                + " / 目標日: "
                                + Jp.date(Json.text(b, "planTargetDate")));
                facts.add("計画者: " + Json.text(b, "plannedBy", "—"));
            }
        }
        return new Approval(
                k.key(),
                k.label(),
                id,
                title,
                facts,
                files,
                r.etag(),
                link,
                k.rejectNeedsReason() || k.approveNeedsReason());
    }

    /** The JSON body of a decision, or null when the service takes none. */
    public String body(String reasonField, String reason) {
        if (reasonField == null) {
            return null;
        }
        if (reason == null || reason.isBlank()) {
            return "{}";
        }
        return json.createObjectNode().put(reasonField, reason.strip()).toString();
    }
}
