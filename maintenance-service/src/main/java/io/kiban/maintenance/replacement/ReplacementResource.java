package io.kiban.maintenance.replacement;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.replacement.ReplacementDtos.DataBearingInput;
import io.kiban.maintenance.replacement.ReplacementDtos.ReplacementInput;
import io.kiban.maintenance.replacement.ReplacementDtos.ReplacementView;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/tickets/{id}/replacements")
@Tag(
        name = "Part replacements",
        description = "Parts swapped in a repair; recorded in asset-service too (R-AS-2)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReplacementResource {

    private final ReplacementService service;

    public ReplacementResource(ReplacementService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN})
    @Operation(
            summary =
                    "部品交換の記録 / Record a part replacement; a data-bearing removed part starts its custody chain."
                            + " 503 and nothing recorded when asset-service cannot record it",
            description =
                    "交換した部品を記録する。取り付ける部品は新品に限る（R-AS-2、新品以外は 422）。取り外した部品がデータを"
                            + "記録しているかは、申告された種別ではなく資産管理サービスの媒体台帳で判断し、データを記録した部品は保管の"
                            + "連鎖を開始する（R-MT-3）。台帳と種別が食い違えば 422、媒体を台帳に持つハードウェアで台帳に無いシリアルは、"
                            + "jpo-admin が台帳に登録するまで 422。環境が撤去済（REMOVED）又は完了（CLOSED）なら 422（R-RM-1/R-RM-3）。"
                            + "資産管理サービス又は lifecycle-service が応答しなければ 503 で、何も記録しない。Idempotency-Key に対応する。\n\n"
                            + "R-MT-3: whether the removed part bears data is decided by asset-service's media ledger of the"
                            + " hardware, not by removed.kind: a known data-bearing serial enters custody whatever kind is named, a"
                            + " kind contradicting the ledger's is 422, a serial the ledger does not know on hardware whose ledger"
                            + " lists media is 422 until jpo-admin records it there as an unregistered part. R-RM-1/R-RM-3: 422 in"
                            + " an environment that is REMOVED or CLOSED. 503 (nothing written) when asset-service or"
                            + " lifecycle-service cannot answer. Idempotency-Key honoured.")
    public RestResponse<ReplacementView> record(
            @RestPath long id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "NVMe SSD の交換",
                                                            summary =
                                                                    "読み込みエラーの SSD を新品に交換し、取り外した SSD を保守員が保持する",
                                                            value = ApiExamples.REPLACEMENT)))
                    @Valid
                    @NotNull
                    ReplacementInput body) {
        ReplacementView view = service.record(id, body);
        return Responses.created(URI.create("/tickets/" + id + "/replacements/" + view.id()), view);
    }

    @POST
    @Idempotent
    @Path("/{replacementId}/data-bearing")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN})
    @Operation(
            summary =
                    "交換部品をデータ記録部品に変更 / R-MT-2/R-MT-3: declare a recorded removed part data-bearing after the fact; it enters custody"
                            + " (REMOVED_ON_SITE) and the close gate and the outstanding-sanitization report count it."
                            + " One-way (false to true), so no If-Match; 409 when it already is data-bearing",
            description =
                    "データを記録しないとして記録した交換部品に、後からデータが記録されていると分かった場合に申告する。"
                            + "部品は保管の連鎖に入り（REMOVED_ON_SITE）、完了の条件（R-MT-6）と未了の消去一覧に数えられる"
                            + "（R-MT-2/R-MT-3）。完了済みのチケットでも同じ。変更は一方向（しない→する）のみのため If-Match は不要。"
                            + "既にデータ記録部品なら 409、別のチケットの交換は 404。\n\n"
                            + "R-MT-2/R-MT-3: a part recorded as not data-bearing that turns out to hold data enters custody"
                            + " (REMOVED_ON_SITE) and counts for the close gate (R-MT-6) and the outstanding-sanitization report,"
                            + " even on a CLOSED ticket. One-way (false to true), so no If-Match; 409 when it already is"
                            + " data-bearing, 404 for another ticket's replacement. Idempotency-Key honoured.")
    public RestResponse<ReplacementView> markDataBearing(
            @RestPath long id,
            @RestPath String replacementId,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "キャッシュ付きコントローラ",
                                                            summary =
                                                                    "取り外した RAID コントローラのキャッシュにデータが残る",
                                                            value = ApiExamples.DATA_BEARING)))
                    @Valid
                    @NotNull
                    DataBearingInput body) {
        ReplacementView view = service.markDataBearing(id, replacementId, body);
        return RestResponse.ok(view);
    }

    @GET
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary = "部品交換の一覧 / The ticket's part replacements, paged",
            description =
                    "チケットで記録した部品交換を記録順に返す。ページ単位（page、size は最大 200、既定 50。"
                            + "X-Total-Count、Link）。他組織のチケットは 404（R-MT-7）。\n\n"
                            + "#15 item 10: paged like every list (page, size ≤ 200, default 50; X-Total-Count, Link), in"
                            + " recording order. R-MT-7: another organisation's ticket is 404.")
    public RestResponse<List<ReplacementView>> list(
            @RestPath long id,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(id, PageRequest.of(page, size)).toResponse(uri);
    }
}
