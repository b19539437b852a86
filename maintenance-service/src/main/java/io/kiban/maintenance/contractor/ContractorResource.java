package io.kiban.maintenance.contractor;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.contractor.ContractorService.ApprovalInput;
import io.kiban.maintenance.contractor.ContractorService.ContractorInput;
import io.kiban.maintenance.contractor.ContractorService.ContractorView;
import io.kiban.maintenance.contractor.ContractorService.RevocationInput;
import io.kiban.maintenance.support.ApiExamples;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
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

@Path("/contractors")
@Tag(
        name = "Contractors",
        description = "Waste contractors whose certificates jpo-admin approved (R-MT-4)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractorResource {

    private final ContractorService service;

    public ContractorResource(ContractorService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN})
    @Operation(
            summary = "産業廃棄物処理業者の届出 / Propose a contractor (JPO is told beforehand)",
            description =
                    "破壊証明書を発行する産業廃棄物処理業者を事前に特許庁へ届け出る（提案中、PROPOSED）。その業者の証明書は、"
                            + "jpo-admin が承認した後に限り有効（R-MT-4、POST /contractors/{id}/approval）。承認日を入力する項目は無く、"
                            + "approvedOn を送ると 400。Idempotency-Key に対応する。\n\n"
                            + "R-MT-4: the contractor is PROPOSED; its certificates count only after a jpo-admin approved it"
                            + " (POST /contractors/{id}/approval). There is no typed approval date: a body with approvedOn is 400."
                            + " Idempotency-Key honoured.")
    public RestResponse<ContractorView> propose(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "破壊業者の届出",
                                                            summary = "媒体の物理破壊を委託する業者を届け出る",
                                                            value = ApiExamples.CONTRACTOR)))
                    @Valid
                    @NotNull
                    ContractorInput body) {
        ContractorView view = service.propose(body);
        return Responses.created(URI.create("/contractors/" + view.id()), view, view.version());
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(
            summary = "産業廃棄物処理業者の承認 / jpo-admin approves a proposed contractor (If-Match)",
            description =
                    "届け出た業者の証明書が経済産業省・特許庁の規程に基づくものであることを jpo-admin が承認する（R-MT-4）。"
                            + "承認日時はサーバが記録し（監査証跡に残る）、その日より前の破壊についての証明書は 422。届け出たアカウントは"
                            + "承認できない（403、R-SEC-2）。If-Match に確認した版が必要（無ければ 428、古ければ 412）。監査記録の MAC を"
                            + "行に保存し、後で行が書き換えられれば GET /audit/verify が報告する。\n\n"
                            + "R-MT-4: the approval is the moment JPO records it (server time, audited); a certificate for a"
                            + " destruction dated before that day is refused (422 R-MT-4). R-SEC-2: the account that proposed"
                            + " the contractor cannot approve it (403); If-Match of the version reviewed (428 without, 412 stale). The audit entry seals status, approver,"
                            + " approval and revocation; its MAC is stored on the row and"
                            + " GET /audit/verify reports the row if it changes later (#15 item 7).")
    public RestResponse<ContractorView> approve(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "規程適合の確認",
                                                            summary = "証明書の様式を確認して承認する",
                                                            value =
                                                                    ApiExamples
                                                                            .CONTRACTOR_APPROVAL)))
                    @Valid
                    ApprovalInput body) {
        ContractorView view = service.approve(id, ifMatch, body == null ? null : body.note());
        return Responses.ok(view, view.version());
    }

    @GET
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary =
                    "産業廃棄物処理業者の一覧 / The contractor registry, paged (?page=&size=, X-Total-Count, Link)",
            description =
                    "届出・承認・取消の状態とともに業者を ID 順に返す（R-MT-4）。ページ単位（page、size は最大 200、"
                            + "既定 50。X-Total-Count、Link）。\n\n"
                            + "R-MT-4: the contractors with their status (PROPOSED, APPROVED, REVOKED), in id order. Paged like"
                            + " every list (page, size ≤ 200, default 50; X-Total-Count, Link).")
    public RestResponse<List<ContractorView>> list(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary = "産業廃棄物処理業者の参照 / A contractor",
            description =
                    "業者と、その届出・承認・取消の記録（誰がいつ）を返す。版を ETag に載せる（承認・取消の If-Match に"
                            + "使う、R-MT-4、R-SEC-2）。\n\n"
                            + "The contractor with who proposed, approved or revoked it and when; its version is the ETag, sent as"
                            + " If-Match to approve or revoke it (R-MT-4, R-SEC-2).")
    public RestResponse<ContractorView> get(@RestPath long id) {
        ContractorView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/revocation")
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(
            summary = "産業廃棄物処理業者の承認の取消 / Revoke an approval (If-Match)",
            description =
                    "業者の承認を取り消す。取消はサーバが記録した時点で効力を持ち、その日以降の破壊についての証明書は"
                            + "認めない（R-MT-4）。取消日を入力する項目は無く、revokedOn を送ると 400。理由が必要。If-Match に確認した版が"
                            + "必要（無ければ 428、古ければ 412）。監査記録の MAC を行に保存し、後で行が書き換えられれば"
                            + " GET /audit/verify が報告する。\n\n"
                            + "R-MT-4: the revocation takes effect when it is recorded (server time); certificates for"
                            + " destructions on that day or later are refused. A typed revokedOn is 400. The audit entry seals status, approver, approval"
                            + " and revocation; its MAC is stored on the row and"
                            + " GET /audit/verify reports the row if it changes later (#15 item 7).")
    public RestResponse<ContractorView> revoke(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "許可の失効",
                                                            summary = "業者の許可が更新されなかったため承認を取り消す",
                                                            value =
                                                                    ApiExamples
                                                                            .CONTRACTOR_REVOCATION)))
                    @Valid
                    @NotNull
                    RevocationInput body) {
        ContractorView view = service.revoke(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }
}
