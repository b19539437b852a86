package io.kiban.console.page;

import io.kiban.console.page.View.Section;
import io.kiban.console.support.CurrentUser;
import io.kiban.console.support.Problems;
import io.kiban.console.support.Reply;
import io.kiban.console.support.ServiceCalls;
import io.kiban.console.support.Svc;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The console's pages. Thin: each page asks its builder for sections and renders them; decisions
 * and downloads go to the service that owns the record with the user's own token.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class Pages {

    private static final Logger LOG = Logger.getLogger(Pages.class);

    /**
     * What may be downloaded through the console, per service: the services' file and export
     * endpoints only.
     */
    private static final List<Object[]> DOWNLOADS =
            List.of(
                    new Object[] {Svc.LIFECYCLE, Pattern.compile("deliverables/\\d{1,18}/file")},
                    new Object[] {Svc.LIFECYCLE, Pattern.compile("lease/ledger\\.xlsx")},
                    new Object[] {
                        Svc.LIFECYCLE,
                        Pattern.compile(
                                "removal/(PRODUCTION|STAGING|SHARED)/checklist/[A-Z][A-Z0-9_]{0,31}/evidence/[0-9a-f]{64}")
                    },
                    new Object[] {
                        Svc.MAINTENANCE, Pattern.compile("evidence/\\d{1,18}/files/\\d{1,18}")
                    },
                    new Object[] {
                        Svc.MAINTENANCE, Pattern.compile("reports/destruction-register\\.xlsx")
                    },
                    new Object[] {Svc.ASSET, Pattern.compile("exports/standard-sheet\\.xlsx")});

    static final List<String[]> SEVERITIES =
            List.of(
                    new String[] {"S1", "S1（最重要）"},
                    new String[] {"S2", "S2（重要）"},
                    new String[] {"S3", "S3（中）"},
                    new String[] {"S4", "S4（軽微）"});
    static final List<String[]> FAULT_CLASSES =
            List.of(
                    new String[] {"MINOR_NOT_CONTROLLER", "軽微な障害（コントローラ以外）"},
                    new String[] {"MEDIA_FAILURE", "記憶媒体の障害"},
                    new String[] {"CONTROLLER_FAILURE", "コントローラの障害"},
                    new String[] {"SERVER_HARDWARE", "サーバ機器の障害"},
                    new String[] {"NETWORK", "ネットワーク"},
                    new String[] {"POWER", "電源"},
                    new String[] {"FIRMWARE", "ファームウェア"},
                    new String[] {"OTHER", "その他"});

    private final Template page;
    private final Template inbox;
    private final CurrentUser user;
    private final Dashboard dashboard;
    private final Inbox approvals;
    private final Browse browse;
    private final ServiceCalls calls;

    public Pages(
            @Location("page.html") Template page,
            @Location("inbox.html") Template inbox,
            CurrentUser user,
            Dashboard dashboard,
            Inbox approvals,
            Browse browse,
            ServiceCalls calls) {
        this.page = page;
        this.inbox = inbox;
        this.user = user;
        this.dashboard = dashboard;
        this.approvals = approvals;
        this.browse = browse;
        this.calls = calls;
    }

    private TemplateInstance render(String nav, String title, String lead, List<Section> sections) {
        return page.data("nav", nav)
                .data("title", title)
                .data("lead", lead)
                .data("user", user)
                .data("sections", sections)
                .data("filter", null)
                .data("ticketForm", null)
                .data("formError", null);
    }

    @GET
    public TemplateInstance dashboard() {
        return render(
                "dashboard",
                "ダッシュボード",
                "契約と各環境の状況、期限、保守、バックアップ、監査の状態をまとめて表示します。",
                dashboard.build(user));
    }

    @GET
    @Path("inbox")
    public TemplateInstance inbox() {
        return inboxPage(null, null);
    }

    private TemplateInstance inboxPage(String message, String error) {
        return inbox.data("nav", "inbox")
                .data("title", "承認待ち")
                .data("user", user)
                .data("kinds", approvals.build())
                .data("message", message)
                .data("error", error);
    }

    /**
     * Approve or return one item: the form names the kind, the id, the version shown (sent as
     * If-Match) and a reason; the console builds the path. The service decides (roles, R-SEC-2,
     * stale versions): its answer is shown in Japanese.
     */
    @POST
    @Path("inbox/decision")
    public Response decide(
            @FormParam("kind") String kindKey,
            @FormParam("id") String id,
            @FormParam("version") String version,
            @FormParam("decision") String decision,
            @FormParam("reason") String reason,
            @FormParam("csrf") String csrf,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Host") String host) {
        if (!user.csrfMatches(csrf)
                || (origin != null && host != null && !origin.endsWith("//" + host))) {
            return Response.status(403)
                    .entity(
                            inboxPage(
                                    null, "フォームの確認に失敗しました（画面が古いか、別のサイトから送信されました）。承認待ちを開き直してください。"))
                    .build();
        }
        if (!user.isCanDecide()) {
            // the service would answer 403 too; the console does not even forward a decision it
            // never offered
            return Response.status(403)
                    .entity(inboxPage(null, "承認・差戻しは特許庁管理者（jpo-admin）だけが行えます。"))
                    .build();
        }
        Inbox.Kind kind = Inbox.kind(kindKey);
        boolean approve = "approve".equals(decision);
        if (kind == null || !kind.validId(id) || !(approve || "return".equals(decision))) {
            return Response.status(400).entity(inboxPage(null, "不正な操作です。")).build();
        }
        if (!approve && kind.reject() == null) {
            return Response.status(400)
                    .entity(inboxPage(null, kind.label() + "は差し戻しできません。"))
                    .build();
        }
        if (!approve && kind.rejectNeedsReason() && (reason == null || reason.isBlank())) {
            return Response.status(400).entity(inboxPage(null, "差し戻しの理由を入力してください。")).build();
        }
        if (approve && kind.approveNeedsReason() && (reason == null || reason.isBlank())) {
            return Response.status(400)
                    .entity(inboxPage(null, kind.label() + "の承認には理由を入力してください。"))
                    .build();
        }
        if (reason != null && reason.length() > 2000) {
            return Response.status(400).entity(inboxPage(null, "理由は2000文字以内で入力してください。")).build();
        }
        String path = kind.path(approve ? kind.approve() : kind.reject(), id);
        String body =
                approvals.body(
                        approve ? kind.approveReasonField() : kind.rejectReasonField(), reason);
        Reply r =
                calls.post(
                        kind.svc(),
                        path,
                        version == null || version.isBlank() ? null : version,
                        body);
        if (r.ok()) {
            String what = kind.label() + " #" + id + " を" + (approve ? "承認しました。" : "差し戻しました。");
            return Response.ok(inboxPage(what, null)).build();
        }
        int status = r.status() >= 400 && r.status() < 500 ? r.status() : 502;
        return Response.status(status)
                .entity(inboxPage(null, kind.label() + " #" + id + ": " + r.error()))
                .build();
    }

    @GET
    @Path("ledger")
    public TemplateInstance ledger(
            @QueryParam("environment") String environment, @QueryParam("q") String q) {
        return render(
                        "ledger",
                        "台帳",
                        "資産管理サービスのハードウェア台帳です。環境で絞り込み、名称・シリアル・型番で検索できます。",
                        browse.ledger(environment, q))
                .data("filter", new Filter(environment, q));
    }

    /** The ledger's search form values. */
    @io.quarkus.qute.TemplateData
    public record Filter(String environment, String q) {}

    @GET
    @Path("maintenance")
    public TemplateInstance maintenance(@QueryParam("status") String status) {
        return maintenancePage(status, null, TicketForm.blank());
    }

    private TemplateInstance maintenancePage(String status, String error, TicketForm form) {
        return render(
                        "maintenance",
                        "保守",
                        "保守チケットの一覧です。ベンダは自社のチケットだけが表示されます。",
                        browse.tickets(status))
                .data("ticketForm", user.isCanFileTicket() ? form : null)
                .data("formError", error)
                .data("severities", SEVERITIES)
                .data("faultClasses", FAULT_CLASSES);
    }

    /**
     * The ticket form's values (kept when the service refuses them) and the key that makes a retry
     * file once.
     */
    @io.quarkus.qute.TemplateData
    public record TicketForm(
            String hardwareId,
            String severity,
            String faultClass,
            String description,
            String occurredAt,
            String idempotencyKey) {
        static TicketForm blank() {
            return new TicketForm(
                    "", "S3", "OTHER", "", "", java.util.UUID.randomUUID().toString());
        }
    }

    /**
     * File a ticket (vendor, jpo-admin, jpo-staff): the time the fault occurred is typed in JST;
     * the service checks the hardware and the phase of its environment (R-RM-1/R-RM-3) and starts
     * the SLA clock (R-MT-1).
     */
    @POST
    @Path("maintenance/tickets")
    public Response fileTicket(
            @FormParam("hardwareId") String hardwareId,
            @FormParam("severity") String severity,
            @FormParam("faultClass") String faultClass,
            @FormParam("description") String description,
            @FormParam("occurredAt") String occurredAt,
            @FormParam("idempotencyKey") String key,
            @FormParam("csrf") String csrf,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Host") String host) {
        String idem =
                key != null && key.matches("[0-9a-f-]{36}")
                        ? key
                        : java.util.UUID.randomUUID().toString();
        TicketForm form =
                new TicketForm(hardwareId, severity, faultClass, description, occurredAt, idem);
        if (!user.csrfMatches(csrf)
                || (origin != null && host != null && !origin.endsWith("//" + host))) {
            return Response.status(403)
                    .entity(
                            maintenancePage(
                                    null,
                                    "フォームの確認に失敗しました（画面が古いか、別のサイトから送信されました）。保守を開き直してください。",
                                    form))
                    .build();
        }
        if (!user.isCanFileTicket()) {
            return Response.status(403)
                    .entity(maintenancePage(null, "チケットを起票する権限がありません。", form))
                    .build();
        }
        java.time.Instant occurred;
        try {
            occurred =
                    java.time.LocalDateTime.parse(occurredAt)
                            .atZone(io.kiban.console.support.Jp.JST)
                            .toInstant();
        } catch (RuntimeException e) {
            return Response.status(400)
                    .entity(maintenancePage(null, "発生日時を入力してください（日本時間）。", form))
                    .build();
        }
        var body =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .put("hardwareId", hardwareId == null ? "" : hardwareId.strip())
                        .put("severity", severity)
                        .put("faultClass", faultClass)
                        .put("description", description == null ? "" : description.strip())
                        .put("occurredAt", occurred.toString());
        Reply r = calls.post(Svc.MAINTENANCE, "/tickets", null, idem, body.toString());
        if (r.ok()) {
            String id = io.kiban.console.support.Json.text(r.body(), "id");
            return Response.seeOther(
                            java.net.URI.create(
                                    id != null && id.matches("\\d+")
                                            ? "/maintenance/tickets/" + id
                                            : "/maintenance"))
                    .build();
        }
        int status = r.status() >= 400 && r.status() < 500 ? r.status() : 502;
        return Response.status(status)
                .entity(maintenancePage(null, "チケットを起票できませんでした: " + r.error(), form))
                .build();
    }

    @GET
    @Path("maintenance/tickets/{id: \\d{1,18}}")
    public TemplateInstance ticket(@PathParam("id") long id) {
        return render(
                "maintenance",
                "保守チケット #" + id,
                "チケットの内容、取り外した記憶媒体の保管の連鎖と破壊・消去の証跡です。",
                browse.ticket(id, user));
    }

    @GET
    @Path("maintenance/custody/{id: \\d{1,18}}")
    public TemplateInstance custody(@PathParam("id") long id) {
        return render(
                "maintenance",
                "記憶媒体 #" + id,
                "記憶媒体の保管の連鎖と破壊・消去の証跡です。",
                browse.custodyItem(id, user));
    }

    /**
     * Attach a file (PDF, JPEG, PNG) to destruction evidence still SUBMITTED (R-MT-6), as a vendor
     * of the ticket's organisation or jpo-admin: forwarded to maintenance-service as multipart with
     * the user's token and the form's Idempotency-Key; the service checks the type by content
     * (415), the size (413), the organisation (404) and the state (422). Back to the ticket (or
     * medium) page on success.
     */
    @POST
    @Path("maintenance/evidence/{id: \\d{1,18}}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadEvidence(
            @PathParam("id") long id,
            @RestForm("file") FileUpload file,
            @RestForm("csrf") String csrf,
            @RestForm("idempotencyKey") String key,
            @RestForm("returnTo") String returnTo,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Host") String host) {
        String back =
                returnTo != null && RETURN_TO.matcher(returnTo).matches()
                        ? returnTo
                        : "/maintenance";
        if (!user.csrfMatches(csrf)
                || (origin != null && host != null && !origin.endsWith("//" + host))) {
            return Response.status(403)
                    .entity(
                            uploadError(
                                    back, "フォームの確認に失敗しました（画面が古いか、別のサイトから送信されました）。保守を開き直してください。"))
                    .build();
        }
        if (!user.isCanUploadEvidence()) {
            return Response.status(403).entity(uploadError(back, "証跡ファイルを追加する権限がありません。")).build();
        }
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Response.status(400)
                    .entity(uploadError(back, "ファイルを選んでください（PDF・JPEG・PNG）。"))
                    .build();
        }
        String idem =
                key != null && key.matches("[0-9a-f-]{36}")
                        ? key
                        : java.util.UUID.randomUUID().toString();
        Reply r;
        try {
            r =
                    calls.upload(
                            Svc.MAINTENANCE,
                            "/evidence/" + id + "/files",
                            idem,
                            file.fileName(),
                            file.contentType(),
                            file.uploadedFile());
        } catch (IOException e) {
            return Response.status(400)
                    .entity(uploadError(back, "アップロードされたファイルを読めませんでした。"))
                    .build();
        }
        if (r.ok()) {
            return Response.seeOther(java.net.URI.create(back)).build();
        }
        int status = r.status() >= 400 && r.status() < 500 ? r.status() : 502;
        return Response.status(status)
                .entity(uploadError(back, "証跡 #" + id + " にファイルを追加できませんでした: " + r.error()))
                .build();
    }

    /** Where an upload form may send the browser back to: a ticket or a medium of 保守. */
    static final Pattern RETURN_TO = Pattern.compile("/maintenance/(tickets|custody)/\\d{1,18}");

    private TemplateInstance uploadError(String back, String message) {
        Section s = new Section("upload", "証跡ファイルの追加");
        s.errors.add(message);
        s.table(
                new View.Table(
                        "戻る",
                        List.of("ページ"),
                        List.of(new View.Row(List.of(View.Cell.link("元のページに戻る", back)))),
                        ""));
        return render("maintenance", "証跡ファイルの追加", "", List.of(s));
    }

    @GET
    @Path("backup")
    public TemplateInstance backup() {
        return render("backup", "バックアップ", "バックアップの対象、方針、最近の実行です。", browse.backup());
    }

    @GET
    @Path("removal")
    public TemplateInstance removal() {
        return render("removal", "撤去", "環境ごとの撤去の準備状況と、撤去の前に解消すべき項目です。", browse.removal());
    }

    @GET
    @Path("audit")
    public TemplateInstance audit() {
        return render("audit", "監査", "各サービスの監査チェーンを検証し、監査証跡を書き出します。", browse.audit(user));
    }

    /** A service's audit export, streamed through the console with the user's token. */
    @GET
    @Path("audit/{svc: [a-z]{1,16}}/export")
    @Produces(MediaType.WILDCARD)
    public Response auditExport(@PathParam("svc") String key) {
        Svc svc = Svc.ofKey(key);
        if (svc == null) {
            return Response.status(404)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(errorPage(404, "対象が見つかりません。"))
                    .build();
        }
        return stream(svc, "/audit/export", "kiban-audit-" + svc.key() + ".json");
    }

    /**
     * A file or an xlsx export of a service, streamed through the console (the browser keeps only
     * its session).
     */
    @GET
    @Path("files/{svc: [a-z]{1,16}}/{path: .+}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("svc") String key, @PathParam("path") String path) {
        Svc svc = Svc.ofKey(key);
        boolean allowed =
                svc != null
                        && DOWNLOADS.stream()
                                .anyMatch(
                                        d ->
                                                d[0] == svc
                                                        && ((Pattern) d[1])
                                                                .matcher(path)
                                                                .matches());
        if (!allowed) {
            return Response.status(404)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(errorPage(404, "対象が見つかりません。"))
                    .build();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return stream(svc, "/" + path, name);
    }

    private Response stream(Svc svc, String path, String fallbackName) {
        HttpResponse<InputStream> r;
        try {
            r = calls.download(svc, path);
        } catch (IOException e) {
            return Response.status(502)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(errorPage(502, Problems.unreachable(svc)))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.status(502)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(errorPage(502, Problems.timedOut(svc)))
                    .build();
        }
        if (r.statusCode() != 200) {
            String message;
            try (InputStream in = r.body()) {
                message =
                        Problems.message(
                                svc,
                                r.statusCode(),
                                new com.fasterxml.jackson.databind.ObjectMapper()
                                        .readTree(in.readNBytes(64 * 1024)));
            } catch (IOException | RuntimeException e) {
                message = Problems.status(svc, r.statusCode());
            }
            int status = r.statusCode() >= 400 && r.statusCode() < 500 ? r.statusCode() : 502;
            return Response.status(status)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(errorPage(status, message))
                    .build();
        }
        InputStream body = r.body();
        StreamingOutput out =
                o -> {
                    try (InputStream in = body) {
                        in.transferTo(o);
                    }
                };
        Response.ResponseBuilder b =
                Response.ok(out)
                        .type(
                                r.headers()
                                        .firstValue("Content-Type")
                                        .orElse(MediaType.APPLICATION_OCTET_STREAM))
                        .header(
                                "Content-Disposition",
                                r.headers()
                                        .firstValue("Content-Disposition")
                                        .orElse(
                                                "attachment; filename=\""
                                                        + fallbackName.replaceAll(
                                                                "[^A-Za-z0-9._-]", "_")
                                                        + "\""))
                        .header("X-Content-Type-Options", "nosniff");
        r.headers().firstValue("Content-Length").ifPresent(l -> b.header("Content-Length", l));
        r.headers().firstValue("Repr-Digest").ifPresent(d -> b.header("Repr-Digest", d));
        LOG.debugf("download %s %s by %s", svc.key(), path, user.getName());
        return b.build();
    }

    private TemplateInstance errorPage(int status, String message) {
        Section s = new Section("error", "エラー（" + status + "）");
        s.errors.add(message);
        return render("", "エラー", "", List.of(s));
    }
}
