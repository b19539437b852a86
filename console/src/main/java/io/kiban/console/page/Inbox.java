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

/**
 * 承認待ち: everything that waits for a jpo-admin decision, read from the services that own it. Each item's
 * version is the ETag its service answered for it as it was read here; the decision sends exactly that back as
 * If-Match (a change in between is the service's 412, shown in Japanese).
 */
@ApplicationScoped
public class Inbox {

    /**
     * A kind of approval: where the pending ones are listed, how one is read (its ETag), where approve and return
     * go, whether the return carries a reason and under which JSON field. The form names only the kind and the
     * id: the console builds the paths, a form cannot point it anywhere else.
     */
    @TemplateData
    public record Kind(String key, String label, Svc svc, String list, Predicate<JsonNode> pending, String item,
            String approve, String approveReasonField, String reject, String rejectReasonField,
            boolean rejectNeedsReason) {

        String path(String template, String id) {
            return template.replace("{id}", id);
        }
    }

    static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        add(new Kind("handler", "情報取扱者の承認（R-SEC-1）", Svc.LIFECYCLE, "/handlers?size=200",
                h -> "PROPOSED".equals(Json.text(h, "status")) || Json.text(h, "pendingChange") != null,
                "/handlers/{id}", "/handlers/{id}/approval", null, "/handlers/{id}/rejection", "reason", true));
        add(new Kind("extension", "納入期限の延長（R-LC-3）", Svc.LIFECYCLE, "/deliveries/extensions?size=200",
                e -> "PROPOSED".equals(Json.text(e, "status")), "/deliveries/extensions/{id}",
                "/deliveries/extensions/{id}/approval", null, "/deliveries/extensions/{id}/rejection", null, false));
        add(new Kind("deliverable", "納品物", Svc.LIFECYCLE, "/deliverables?size=200",
                d -> "SUBMITTED".equals(Json.text(d, "status")), "/deliverables/{id}", "/deliverables/{id}/approval",
                null, "/deliverables/{id}/return", "reason", true));
        add(new Kind("amendment", "契約変更（R-SEC-2）", Svc.LIFECYCLE, "/contract/amendments?size=200",
                a -> "PROPOSED".equals(Json.text(a, "status")), "/contract/amendments/{id}",
                "/contract/amendments/{id}/approval", null, "/contract/amendments/{id}/rejection", null, false));
        add(new Kind("delay", "本番稼働開始の遅延（R-LC-14）", Svc.LIFECYCLE, "/lease/delays",
                d -> "PROPOSED".equals(Json.text(d, "status")), "/lease/delays/{id}", "/lease/delays/{id}/approval", null,
                "/lease/delays/{id}/rejection", null, false));
        add(new Kind("evidence", "破壊・消去の証跡（R-MT-6）", Svc.MAINTENANCE, null,
                e -> "SUBMITTED".equals(Json.text(e, "status")), "/evidence/{id}", "/evidence/{id}/acceptance",
                "reason", "/evidence/{id}/rejection", "reason", true));
        add(new Kind("contractor", "再委託先（R-MT-4）", Svc.MAINTENANCE, "/contractors?size=200",
                c -> "PROPOSED".equals(Json.text(c, "status")), "/contractors/{id}", "/contractors/{id}/approval",
                "note", null, null, false));
        add(new Kind("plan", "脆弱性の対策計画（R-AS-5）", Svc.ASSET, "/findings?status=PLANNED&size=200",
                f -> "PLANNED".equals(Json.text(f, "status")), "/findings/{id}", "/findings/{id}/plan/confirmation",
                null, null, null, false));
    }

    private static void add(Kind k) {
        KINDS.put(k.key(), k);
    }

    public static Kind kind(String key) {
        return key == null ? null : KINDS.get(key);
    }

    /** One section per kind, in the order above. */
    @TemplateData
    public record KindSection(Kind kind, Section section, List<Approval> items) {
    }

    private final ServiceCalls calls;
    private final ObjectMapper json;

    public Inbox(ServiceCalls calls, ObjectMapper json) {
        this.calls = calls;
        this.json = json;
    }

    public List<KindSection> build() {
        Map<String, CompletableFuture<Reply>> lists = new LinkedHashMap<>();
        for (Kind k : KINDS.values()) {
            lists.put(k.key(), k.list() == null
                    ? calls.get(Svc.MAINTENANCE, "/custody-items?status=EVIDENCE_SUBMITTED&size=200")
                    : calls.get(k.svc(), k.list()));
        }
        List<KindSection> out = new ArrayList<>();
        for (Kind k : KINDS.values()) {
            Section s = new Section(k.key(), k.label());
            List<Approval> items = new ArrayList<>();
            Reply list = calls.await(lists.get(k.key()), k.svc());
            if (s.accept(list)) {
                List<String> ids = new ArrayList<>();
                if (k.list() == null) {
                    // evidence: the media whose evidence was submitted, then each medium's evidence records
                    List<CompletableFuture<Reply>> perItem = new ArrayList<>();
                    for (JsonNode item : list.items()) {
                        perItem.add(calls.get(Svc.MAINTENANCE, "/custody-items/" + Json.number(item, "id") + "/evidence"));
                    }
                    for (CompletableFuture<Reply> f : perItem) {
                        Reply r = calls.await(f, Svc.MAINTENANCE);
                        if (s.accept(r)) {
                            r.items().stream().filter(k.pending()).forEach(e -> ids.add(Json.text(e, "id")));
                        }
                    }
                } else {
                    list.items().stream().filter(k.pending()).forEach(e -> ids.add(Json.text(e, "id")));
                }
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

    private Approval approval(Kind k, String id, Reply r) {
        JsonNode b = r.body();
        List<String> facts = new ArrayList<>();
        List<Cell> files = new ArrayList<>();
        String title;
        String link = null;
        switch (k.key()) {
            case "handler" -> {
                title = Json.text(b, "name", "?") + "（" + Json.text(b, "organisation", "?") + "）";
                facts.add("役割: " + Json.text(b, "role", "—") + " / 所属: " + Json.text(b, "affiliation", "—"));
                facts.add("アカウント: " + Json.text(b, "accountId", "—"));
                if (Json.text(b, "pendingChange") != null) {
                    facts.add("変更の提案: " + Json.text(b, "pendingChange") + "（提案者 " + Json.text(b, "pendingChangeBy", "—") + "）");
                }
                facts.add("提案者: " + Json.text(b, "proposedBy", "—") + " / " + Jp.time(Json.text(b, "proposedAt")));
            }
            case "extension" -> {
                title = Jp.label(Json.text(b, "environment")) + " " + Json.text(b, "baselineItem", "");
                facts.add("理由: " + Json.text(b, "cause", "—") + " — " + Json.text(b, "explanation", ""));
                facts.add("新しい期日: " + Jp.date(Json.text(b, "newDate")));
                facts.add("提案者: " + Json.text(b, "proposedBy", "—") + " / " + Jp.time(Json.text(b, "proposedAt")));
            }
            case "deliverable" -> {
                title = Json.text(b, "title", "納品物 " + id);
                facts.add("規則: " + Json.text(b, "rule", "—") + " / 期日: " + Jp.date(Json.text(b, "dueDate")));
                facts.add("提出者: " + Json.text(b, "submittedBy", "—") + " / " + Jp.date(Json.text(b, "submittedOn")));
                if (Json.text(b, "fileName") != null) {
                    files.add(Cell.link(Json.text(b, "fileName"), "/files/lifecycle/deliverables/" + id + "/file"));
                }
            }
            case "amendment" -> {
                title = "契約変更 #" + id;
                facts.add("理由: " + Json.text(b, "reason", "—"));
                facts.add("変更後の契約: " + Json.text(b, "contract", "—"));
                facts.add("提案者: " + Json.text(b, "proposedBy", "—") + " / " + Jp.time(Json.text(b, "proposedAt")));
            }
            case "delay" -> {
                title = "遅延 " + Jp.date(Json.text(b, "startDate")) + " 〜 " + Jp.date(Json.text(b, "endDate"))
                        + "（" + Json.text(b, "days", "?") + " 日）";
                facts.add("原因: " + Json.text(b, "cause", "—") + " / " + Json.text(b, "note", ""));
                facts.add("記録者: " + Json.text(b, "recordedBy", "—") + " / " + Jp.time(Json.text(b, "recordedAt")));
            }
            case "evidence" -> {
                title = "媒体 " + Json.text(b, "serial", "?") + "（" + Json.text(b, "mediaType", "") + "）";
                facts.add("方式: " + Json.text(b, "method", "—") + " / " + Json.text(b, "technique", "—") + " / 実施日 "
                        + Jp.date(Json.text(b, "performedOn")));
                facts.add("実施者: " + Json.text(b, "performedBy", "—") + " / 場所: " + Json.text(b, "place", "—"));
                facts.add("提出者: " + Json.text(b, "submittedBy", "—") + " / " + Jp.time(Json.text(b, "submittedAt")));
                for (JsonNode f : b.path("files")) {
                    files.add(Cell.link(Json.text(f, "originalName", "ファイル " + Json.text(f, "id")),
                            "/files/maintenance/evidence/" + id + "/files/" + Json.number(f, "id")));
                }
                String item = Json.text(b, "custodyItemId");
                link = item == null ? null : "/maintenance/custody/" + item;
            }
            case "contractor" -> {
                title = Json.text(b, "name", "再委託先 " + id);
                facts.add("範囲: " + Json.text(b, "scope", "—"));
                facts.add("提案者: " + Json.text(b, "proposedBy", "—") + " / " + Jp.time(Json.text(b, "proposedAt")));
            }
            default -> {
                title = Json.text(b, "advisory", "所見 " + id) + " — " + Json.text(b, "softwareName", "") + " "
                        + Json.text(b, "softwareVersion", "");
                facts.add("重要度: " + Json.text(b, "severity", "—") + " / 環境: " + Jp.label(Json.text(b, "environment")));
                facts.add("対策: " + Json.text(b, "planAction", "—") + " / 目標日: " + Jp.date(Json.text(b, "planTargetDate")));
                facts.add("計画者: " + Json.text(b, "plannedBy", "—"));
            }
        }
        return new Approval(k.key(), k.label(), id, title, facts, files, r.etag(), link, k.rejectNeedsReason());
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
