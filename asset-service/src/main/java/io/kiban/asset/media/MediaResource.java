package io.kiban.asset.media;

import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import io.kiban.asset.media.MediaDtos.MediumView;
import io.kiban.asset.media.MediaDtos.NotDataBearing;
import io.kiban.asset.media.MediaDtos.Removal;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.Lists;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/media")
@Tag(
        name = "media",
        description =
                "Data-bearing media (disks, SSD, NVMe, NVRAM, tape…) inside hardware, with their history")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MediaResource {

    private final MediaService service;
    private final HistoryService history;

    public MediaResource(MediaService service, HistoryService history) {
        this.service = service;
        this.history = history;
    }

    @GET
    @Operation(
            summary =
                    "記憶媒体の一覧 / "
                            + "Media by environment and/or hardware; include=removed lists every medium ever installed",
            description =
                    "環境・機器で絞り込んだ記憶媒体の一覧。include=removed で取り外したものも含める（それ以外の値は400）。各行に製造番号、種別、データ保持（台帳の判断）、登録経緯（LEDGER／UNREGISTERED_PART）、取外し経路、保管記録の参照なしに取り外された媒体かどうかを示す（R-MT-6／R-RM-3 の阻害要因）。ページング（page, size ≤ 200）。\n\n"
                            + "Paged (page, size ≤ 200, X-Total-Count, Link). Each row carries serial, kind, dataBearing "
                            + "(the ledger's word, issue 13), origin (LEDGER or UNREGISTERED_PART), removalVia and "
                            + "removedWithoutCustodyReference (a medium that left without a replacement or sanitization order "
                            + "reference: a blocker for R-MT-6 / R-RM-3).")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<MediumView>> list(
            @RestQuery Environment environment,
            @RestQuery Long hardwareId,
            @RestQuery MediaInclude include,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(environment, hardwareId, includeRemoved(include), page, size)
                .toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    @Operation(
            summary = "記憶媒体の参照 / One medium (ETag = its version)",
            description =
                    "1件の記憶媒体。ETag はその版。\n\n"
                            + "One data-bearing medium with its hardware, origin, removal and data-bearing declaration; its ETag is its version.")
    public RestResponse<MediumView> get(@RestPath long id) {
        MediumView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(
            summary = "記憶媒体の変更履歴（様式10） / " + "Sheet 10 (変更管理): every change of this medium",
            description =
                    "様式10（変更管理）：この記憶媒体の変更の全件。ページング。\n\n"
                            + "Every change of this medium from the audited revisions (who, when, which fields from what to what), paged.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<RevisionView>> history(
            @RestPath long id,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(history.history(Medium.class, "medium", id), page, size).toResponse(uri);
    }

    @POST
    @Path("/{id: \\d+}/removal")
    @Operation(
            summary =
                    "消去指示による記憶媒体の取外し（サービス間、R-RM-3） / "
                            + "Service-to-service: a medium leaves its hardware through a sanitization order (R-RM-3)",
            description =
                    "サービスロールのみ（maintenance-service の消去指示）。媒体は保守部品交換か消去指示によってのみ台帳を離れ、いずれも保管記録を残す（issue 13 hole 2）。ベンダ・jpo-admin は403。指示の参照は必須。行は取外し日付きで残る。If-Match 必須（428/412）。\n\n"
                            + "Role service only (issue 13 hole 2: a medium leaves the ledger only through a maintenance "
                            + "replacement or a sanitization order, both of which create custody); vendors and jpo-admin get "
                            + "403. The reference of the order is required; the row stays with removedOn. If-Match required "
                            + "(428/412).")
    @RolesAllowed(Roles.SERVICE)
    public RestResponse<MediumView> remove(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull Removal body) {
        MediumView view = service.remove(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id: \\d+}/not-data-bearing")
    @Operation(
            summary =
                    "データ非保持の宣言（jpo-admin、R-MT-3） / "
                            + "jpo-admin declares a ledger medium not data-bearing, with a reason (R-MT-3, issue 13 hole 1)",
            description =
                    "何がデータを保持するかはベンダではなく台帳が決める。データを保持しないと宣言できるのは jpo-admin のみで、理由は必須。宣言は監査証跡と変更履歴に残る（R-MT-3）。If-Match 必須（428/412）。取外し済みまたは宣言済みの媒体は409。\n\n"
                            + "The ledger, not the vendor, says what bears data: only jpo-admin may declare that a "
                            + "medium does not; the reason is required, the declaration is audited and in the change history. "
                            + "If-Match required (428/412); a removed medium or one already declared → 409.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<MediumView> declareNotDataBearing(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull NotDataBearing body) {
        MediumView view = service.declareNotDataBearing(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    static boolean includeRemoved(MediaInclude include) {
        return include == MediaInclude.REMOVED;
    }
}
