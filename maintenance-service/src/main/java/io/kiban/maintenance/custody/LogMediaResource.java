package io.kiban.maintenance.custody;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.custody.CustodyDtos.ItemView;
import io.kiban.maintenance.custody.CustodyDtos.LogMediumInput;
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

@Path("/tickets/{id}/log-media")
@Tag(
        name = "Custody",
        description = "Custody chains of data-bearing media and failure-log media (R-MT-2, R-MT-3)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LogMediaResource {

    private final CustodyService service;

    public LogMediaResource(CustodyService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN})
    @Operation(
            summary =
                    "障害ログ持出し媒体の登録 / R-MT-3: register removable media that carry failure-analysis logs off site",
            description =
                    "障害対応で取得したログを庁外へ持ち出す可搬媒体を登録する。登録した媒体は他の媒体と同じく破壊・消去の"
                            + "証跡が必要になる（R-MT-3）。ハードウェアの環境が撤去済（REMOVED）又は完了（CLOSED）なら 422"
                            + "（R-RM-1/R-RM-3）、フェーズを確認できなければ 503。ベンダは自組織が保守するハードウェアに限る（他は 404）。"
                            + "他組織が管理するシリアルは存在しない媒体と同じ 404。Idempotency-Key に対応する。\n\n"
                            + "R-RM-1/R-RM-3: refused (422) when the hardware's environment is REMOVED or CLOSED in"
                            + " lifecycle-service (503 when its phase cannot be read). A vendor registers media only for hardware"
                            + " its organisation maintains (the contracted vendor; 404 otherwise). A serial another organisation"
                            + " tracks answers the 404 of an unknown medium. Idempotency-Key honoured.")
    public RestResponse<ItemView> register(
            @RestPath long id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "障害ログの USB メモリ",
                                                            summary = "解析センタへ持ち出す暗号化 USB メモリ",
                                                            value = ApiExamples.LOG_MEDIUM)))
                    @Valid
                    @NotNull
                    LogMediumInput body) {
        ItemView view = service.registerLogMedium(id, body);
        return Responses.created(URI.create("/custody-items/" + view.id()), view, view.version());
    }

    @GET
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary = "障害ログ持出し媒体の一覧 / The ticket's failure-log media, paged",
            description =
                    "チケットで登録した障害ログの持出し媒体を ID 順に返す（R-MT-3）。ページ単位（page、size は最大 200、"
                            + "既定 50。X-Total-Count、Link）。他組織のチケットは 404（R-MT-7）。\n\n"
                            + "#15 item 10: paged like every list (page, size ≤ 200, default 50; X-Total-Count, Link), in id"
                            + " order. R-MT-7: another organisation's ticket is 404.")
    public RestResponse<List<ItemView>> list(
            @RestPath long id,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.logMedia(id, PageRequest.of(page, size)).toResponse(uri);
    }
}
