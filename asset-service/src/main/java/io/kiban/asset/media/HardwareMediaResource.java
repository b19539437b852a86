package io.kiban.asset.media;

import io.kiban.asset.media.MediaDtos.MediumInput;
import io.kiban.asset.media.MediaDtos.MediumView;
import io.kiban.asset.media.MediaDtos.Replacement;
import io.kiban.asset.media.MediaDtos.ReplacementView;
import io.kiban.asset.media.MediaDtos.UnregisteredPart;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/hardware/{hardwareId: \\d+}/media")
@Tag(name = "media")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HardwareMediaResource {

    private final MediaService service;
    private final LedgerWriters writers;

    public HardwareMediaResource(MediaService service, LedgerWriters writers) {
        this.service = service;
        this.writers = writers;
    }

    @GET
    @Operation(
            summary =
                    "機器の記憶媒体 / "
                            + "Media of this hardware item; include=removed adds those that left it",
            description =
                    "この機器に搭載された記憶媒体。include=removed で取り外したものも含める（それ以外の値は400）。ページング。\n\n"
                            + "The media installed in this hardware item, paged (page, size ≤ 200, X-Total-Count, Link); include=removed also lists those that left it (kept with removedOn); any other include value → 400 naming the allowed one.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<MediumView>> ofHardware(
            @RestPath long hardwareId,
            @RestQuery MediaInclude include,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(null, hardwareId, MediaResource.includeRemoved(include), page, size)
                .toResponse(uri);
    }

    @POST
    @Idempotent
    @Operation(
            summary =
                    "記憶媒体の登録（R-AS-2） / "
                            + "Record a data-bearing medium installed in the item (R-AS-2: new only)",
            description =
                    "機器に搭載した記憶媒体を登録する。新品のみ（R-AS-2）。jpo-admin と契約ベンダ。Idempotency-Key に対応。撤去済（REMOVED）・完了（CLOSED）の環境には登録できない（R-RM-1/R-RM-3 を示す422、lifecycle-service が回答できなければ503）。\n\n"
                            + "jpo-admin and the contracted vendor; Idempotency-Key honoured; an environment that is "
                            + "REMOVED or CLOSED takes nothing new (422 naming R-RM-1/R-RM-3, 503 when lifecycle-service "
                            + "cannot say).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<MediumView> install(
            @RestPath long hardwareId, @Valid @NotNull MediumInput body) {
        writers.require();
        MediumView view = service.install(hardwareId, body);
        return Responses.created(URI.create("/media/" + view.id()), view, view.version());
    }

    @POST
    @Idempotent
    @Path("/replacements")
    @Operation(
            summary =
                    "保守部品交換（サービス間、R-AS-2） / "
                            + "Service-to-service (maintenance-service): a part swap — old medium removed and kept, new one "
                            + "installed, in one transaction (R-AS-2: the new part must be new)",
            description =
                    "サービスロールのみ（maintenance-service）。旧媒体を取り外して保管扱いとし、新媒体を搭載する処理を一つのトランザクションで行う。新しい部品は新品でなければならない（R-AS-2）。保守の交換記録の参照は必須。撤去済・完了の環境では拒否（R-RM-1/R-RM-3 を示す422）。\n\n"
                            + "Role service only (issue 13 hole 2); the reference of the maintenance replacement is "
                            + "required; refused in a REMOVED or CLOSED environment (422 naming R-RM-1/R-RM-3).")
    @RolesAllowed(Roles.SERVICE)
    public RestResponse<ReplacementView> replace(
            @RestPath long hardwareId, @Valid @NotNull Replacement body) {
        ReplacementView view = service.replace(hardwareId, body);
        return Responses.created(URI.create("/media/" + view.installed().id()), view);
    }

    @POST
    @Idempotent
    @Path("/unregistered-parts")
    @Operation(
            summary =
                    "台帳未登録部品の記録（jpo-admin、R-MT-3） / "
                            + "jpo-admin records a data-bearing part the ledger never listed (issue 13 hole 1, R-MT-3)",
            description =
                    "台帳に載っていなかったデータ保持部品を jpo-admin が記録する（issue 13 hole 1、R-MT-3）。登録経緯は UNREGISTERED_PART となり、台帳の欠落は一覧・変更履歴・標準シートに残る。監査証跡に記録。Idempotency-Key に対応。台帳にある製造番号は409。撤去済・完了の環境では拒否（R-RM-1/R-RM-3 を示す422）。\n\n"
                            + "Body {serial, kind, make, model, reason}; the medium gets origin UNREGISTERED_PART, so the "
                            + "ledger gap stays visible (GET /media, the change history, the standard sheet); audited; "
                            + "Idempotency-Key honoured; a serial already in the ledger → 409; refused in a REMOVED or CLOSED "
                            + "environment (422 naming R-RM-1/R-RM-3).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<MediumView> recordUnregistered(
            @RestPath long hardwareId, @Valid @NotNull UnregisteredPart body) {
        MediumView view = service.recordUnregistered(hardwareId, body);
        return Responses.created(URI.create("/media/" + view.id()), view, view.version());
    }
}
