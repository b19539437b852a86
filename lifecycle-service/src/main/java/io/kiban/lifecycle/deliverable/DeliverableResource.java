package io.kiban.lifecycle.deliverable;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.BodyLimit;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.deliverable.DeliverableDtos.ComplianceInput;
import io.kiban.lifecycle.deliverable.DeliverableDtos.ComplianceLine;
import io.kiban.lifecycle.deliverable.DeliverableDtos.DeliverableInput;
import io.kiban.lifecycle.deliverable.DeliverableDtos.DeliverableView;
import io.kiban.lifecycle.deliverable.DeliverableDtos.ReturnInput;
import io.kiban.lifecycle.support.DocumentStore;
import io.kiban.lifecycle.support.Lists;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/deliverables")
@Tag(
        name = "deliverables",
        description =
                "Deliverables and reports (R-LC-5, 6, 10, 11, 12, 13) with files and approval")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeliverableResource {

    private final DeliverableService service;
    private final DocumentStore store;

    public DeliverableResource(DeliverableService service, DocumentStore store) {
        this.service = service;
        this.store = store;
    }

    @GET
    @Operation(
            summary =
                    "成果物の一覧 / Deliverables by kind; overdue=true lists those past due and not approved",
            description =
                    "成果物・報告書を種類（kind）で絞り込んで返す。overdue=true で期限を過ぎて未承認のものを返す。"
                            + "情報セキュリティ遵守状況報告（別紙2、R-LC-12）は、直近12か月に承認されたものがなければ期限超過とする。"
                            + "未知の kind は許される値を示して 400。\n\n"
                            + "Security compliance reports (R-LC-12) are overdue when none was approved in the last 12 months.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<List<DeliverableView>> list(
            @RestQuery Deliverable.Kind kind,
            @RestQuery Boolean overdue,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(kind, overdue, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary =
                    "成果物の照会 / One deliverable with its submissions, status and the ETag its approval names",
            description =
                    "成果物の期限（令和表記と実務上の期日）、提出されたファイルの履歴、状態を返す。ETag は承認・差戻しで"
                            + "If-Match に指定する版（R-SEC-2）。\n\n"
                            + "One deliverable: due date (with its Reiwa form and practical due date), every file submitted and its "
                            + "status; the ETag is what an approval or return names in If-Match (R-SEC-2).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<DeliverableView> get(@RestPath long id) {
        DeliverableView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(
            summary = "成果物の追加 / Track another deliverable (jpo-admin); due within the contract",
            description =
                    "契約で定めた成果物のほかに提出を求める成果物を登録する（jpo-admin）。期限は契約期間内"
                            + "（契約締結日～契約終了日）でなければ 422（R-LC-1）。\n\n"
                            + "Tracks a further deliverable of one of the kinds (jpo-admin); its due date lies within the contract, "
                            + "from signing to the contract end, otherwise 422 naming R-LC-1.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<DeliverableView> create(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "運用マニュアル改訂版",
                                                            summary = "本番環境の運用マニュアル改訂版の提出期限を登録",
                                                            value = CREATE_EXAMPLE)))
                    @Valid
                    @NotNull
                    DeliverableInput body) {
        DeliverableView view = service.create(body);
        return Responses.created(URI.create("/deliverables/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id}/file")
    @Consumes(MediaType.WILDCARD)
    @BodyLimit(property = "kiban.deliverables.max-file", defaultValue = "200M")
    @Operation(
            summary =
                    "成果物ファイルの提出 / Submit the file (streamed; stored by SHA-256, never rewritten); the vendor or jpo-admin",
            description =
                    "契約の受注者（または jpo-admin）が成果物のファイルを ?fileName= で提出する。ファイルは SHA-256 で"
                            + "保管し、書き換えない。承認済みの成果物には提出できない。\n\n"
                            + "The contracted vendor (or jpo-admin) submits the deliverable's file with ?fileName=; it is stored "
                            + "by its SHA-256 and never rewritten; an approved deliverable takes no further file.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public DeliverableView submit(
            @RestPath long id,
            @RestQuery String fileName,
            @RestHeader("Content-Type") String contentType,
            InputStream body) {
        DocumentStore.safeName(fileName);
        service.requireContractedVendor();
        DocumentStore.Stored stored = store.store(body);
        return service.submit(id, fileName, contentType, stored);
    }

    @GET
    @Path("/{id}/file")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(
            summary =
                    "成果物ファイルのダウンロード / Download the current file, or an earlier one by ?sha256= (streamed, as uploaded)",
            description =
                    "最新の提出ファイル、または ?sha256= で以前の提出ファイルを、提出されたとおりに返す（Repr-Digest ヘッダ（RFC 9530）に"
                            + "SHA-256）。\n\n"
                            + "The latest file, or an earlier one named by ?sha256=, exactly as submitted (its SHA-256 in Repr-Digest (RFC 9530), "
                            + "its type in X-Uploaded-Content-Type).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<StreamingOutput> file(@RestPath long id, @RestQuery String sha256) {
        DeliverableService.FileRef ref = service.file(id, sha256);
        StreamingOutput body =
                out -> {
                    try (InputStream in = store.open(ref.sha256())) {
                        in.transferTo(out);
                    }
                };
        return io.kiban.commons.web.Downloads.storedFile(
                        body,
                        MediaType.APPLICATION_OCTET_STREAM,
                        ref.fileName(),
                        "deliverable-" + id,
                        ref.size(),
                        ref.sha256())
                .header("X-Uploaded-Content-Type", ref.contentType())
                .build();
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(
            summary =
                    "成果物の承認 / Approve a submitted deliverable (jpo-admin, If-Match of the version reviewed)",
            description =
                    "確認した版（If-Match）の提出物を承認する。If-Match がなければ 428、古ければ 412。ファイルを提出した"
                            + "アカウントは承認できない（403、R-SEC-2）。情報セキュリティ遵守状況報告（別紙2）は、確認書類（情報セキュリティ"
                            + "に関する事項 1)）の承認後でなければ承認できない（422、R-LC-12）。\n\n"
                            + "R-SEC-2: If-Match of the version reviewed (428 without, 412 stale); the account that submitted "
                            + "the file never approves it (403 naming R-SEC-2). R-LC-12: a security compliance report (別紙2) is "
                            + "approved only after the security confirmation document (確認書類, security item 1)) was approved.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<DeliverableView> approve(
            @RestPath long id, @RestHeader("If-Match") String ifMatch) {
        DeliverableView view = service.approve(id, ifMatch);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/return")
    @Idempotent
    @Operation(
            summary =
                    "成果物の差戻し / Return a submitted deliverable with a reason (jpo-admin, If-Match of the version reviewed)",
            description =
                    "確認した版（If-Match）の提出物を理由を付けて差し戻す。If-Match がなければ 428、古ければ 412。"
                            + "提出者自身は差し戻せない（403、R-SEC-2）。\n\n"
                            + "R-SEC-2: If-Match required (428/412); the submitter never returns its own deliverable (403).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<DeliverableView> giveBack(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "差戻し理由",
                                                            value =
                                                                    "{\"reason\": \"リスク管理表に半導体不足による納入遅延のリスクと対応策が"
                                                                            + "記載されていないため、追記のうえ再提出してください。\"}")))
                    @Valid
                    @NotNull
                    ReturnInput body) {
        DeliverableView view = service.giveBack(id, body.reason(), ifMatch);
        return Responses.ok(view, view.version());
    }

    @PUT
    @Path("/{id}/compliance")
    @Operation(
            summary = "別紙2 遵守状況の記録 / Statuses of the security compliance report 別紙2 (R-LC-12)",
            description =
                    "情報セキュリティ遵守状況報告（別紙2）の項目 2)～17)、15)①～⑩、16)①～⑥ ごとに、実施（IMPLEMENTED）・"
                            + "未実施（NOT_IMPLEMENTED）・該当なし（NOT_APPLICABLE）を記録する。未実施と該当なしは note に理由が必要で、"
                            + "15)⑩ は実施でも詳細が必要。満たさなければ 422（R-LC-12）。記録すると報告の版が変わり、記録した者は承認できない。\n\n"
                            + "Items 2–17, 15-1…15-10 (15)①–⑩) and 16-1…16-6 (16)①–⑥), each IMPLEMENTED (実施), "
                            + "NOT_IMPLEMENTED (未実施) or NOT_APPLICABLE (該当なし); the last two need a reason in note, and "
                            + "15-10 needs details even when IMPLEMENTED; otherwise 422 naming R-LC-12.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public List<ComplianceLine> compliance(
            @RestPath long id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "別紙2 の全項目",
                                                            summary =
                                                                    "全32項目の記録例（再委託なしのため 5) は該当なし、15)⑩ は実施でも詳細を記載）",
                                                            value = COMPLIANCE_EXAMPLE)))
                    @Valid
                    @NotNull
                    ComplianceInput body) {
        return service.recordCompliance(id, body.items());
    }

    @GET
    @Path("/{id}/compliance")
    @Operation(
            summary =
                    "別紙2 遵守状況の照会 / The recorded statuses of a security compliance report 別紙2 (R-LC-12)",
            description =
                    "情報セキュリティ遵守状況報告（別紙2）に記録された項目ごとの実施状況を返す（R-LC-12）。ページ単位。\n\n"
                            + "The status recorded for each item of the 別紙2 report (R-LC-12). Paged (page, size ≤ 200).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<List<ComplianceLine>> compliance(
            @RestPath long id,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(service.compliance(id), PageRequest.of(page, size)).toResponse(uri);
    }

    /**
     * The documented 別紙2 statuses: every item once (R-LC-12), as a vendor reports a half year
     * without subcontracting.
     */
    static final String COMPLIANCE_EXAMPLE =
            "{\"items\": ["
                    + "{\"item\": \"2\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"3\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"4\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"5\", \"status\": \"NOT_APPLICABLE\", \"note\": \"本業務の再委託は行っていない\"}, "
                    + "{\"item\": \"6\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"7\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"8\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"9\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"10\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"11\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"12\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"13\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"14\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"15\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"15-1\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"15-2\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"15-3\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"15-4\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"15-5\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"15-6\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"15-7\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"15-8\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"15-9\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"15-10\", \"status\": \"IMPLEMENTED\", \"note\": \"当庁外向けのウェブサイト・電子メール機能は構築・運用しておらず、管理するドメインはない\"}, "
                    + "{\"item\": \"16\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"16-1\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"16-2\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"16-3\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"16-4\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"16-5\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"16-6\", \"status\": \"IMPLEMENTED\"}, "
                    + "{\"item\": \"17\", \"status\": \"IMPLEMENTED\"}"
                    + "]}";

    /** The documented creation: a revised operations manual for production. */
    static final String CREATE_EXAMPLE =
            "{\"kind\": \"OPERATIONS_MANUAL\", \"title\": \"運用マニュアル（本番環境）改訂版\", "
                    + "\"environment\": \"PRODUCTION\", \"dueDate\": \"2027-09-30\"}";
}
