package io.kiban.maintenance.custody;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.custody.CustodyDtos.EventView;
import io.kiban.maintenance.custody.CustodyDtos.EvidenceStatus;
import io.kiban.maintenance.custody.CustodyDtos.HandoverInput;
import io.kiban.maintenance.custody.CustodyDtos.ItemDetail;
import io.kiban.maintenance.custody.CustodyDtos.ItemView;
import io.kiban.maintenance.custody.CustodyDtos.PurgeExceptionInput;
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

@Path("/")
@Tag(
        name = "Custody",
        description = "Custody chains of data-bearing media and failure-log media (R-MT-2, R-MT-3)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustodyResource {

    private final CustodyService service;

    public CustodyResource(CustodyService service) {
        this.service = service;
    }

    @GET
    @Path("/custody-items")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary = "媒体の保管状況の一覧 / Tracked media, filtered by ticket, order or status",
            description =
                    "破壊・消去の証跡が必要な媒体（交換部品、障害ログの持出し媒体、消去命令の媒体）を、チケット、"
                            + "消去命令又は状態（status）で絞り込む（R-MT-2/R-MT-3）。status に定義外の値を指定すると、指定できる値を"
                            + "示して 400 を返す。ベンダには自組織の媒体だけを返す（R-MT-7）。ページ単位（page、size は最大 200、"
                            + "既定 50。X-Total-Count、Link）。\n\n"
                            + "R-MT-2/R-MT-3: the media that need destruction evidence (removed parts, failure-log media, order"
                            + " media), filtered by ticketId, orderId or status (a custody state; an unknown value is 400 naming the"
                            + " allowed ones). R-MT-7: a vendor sees its own organisation's media only. Paged like every list"
                            + " (page, size ≤ 200, default 50; X-Total-Count, Link).")
    public RestResponse<List<ItemView>> list(
            @RestQuery Long ticketId,
            @RestQuery Long orderId,
            @RestQuery CustodyStatus status,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(ticketId, orderId, status, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/custody-items/{id}")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary = "媒体の保管状況の参照 / A tracked medium with its custody chain and evidence ids",
            description =
                    "媒体と、取り外しから引渡し・証跡までの保管の連鎖、証跡の ID を返す（R-MT-3）。版を ETag に載せる"
                            + "（PURGE 例外の承認の If-Match に使う）。他組織の媒体は 404（R-MT-7）。\n\n"
                            + "R-MT-3: the medium with its custody chain (removal, handovers, evidence events) and its evidence ids;"
                            + " its version is the ETag, sent as If-Match to approve a PURGE exception. R-MT-7: another"
                            + " organisation's item is 404.")
    public RestResponse<ItemDetail> get(@RestPath long id) {
        ItemDetail detail = service.get(id);
        return Responses.ok(detail, detail.item().version());
    }

    @GET
    @Path("/custody-items/{id}/events")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary = "保管の連鎖の一覧 / A tracked medium's custody chain, paged",
            description =
                    "媒体の保管の連鎖（取り外し、引渡し、証跡の提出・受理）を記録順に返す（R-MT-3）。ページ単位（page、"
                            + "size は最大 200、既定 50。X-Total-Count、Link）。他組織の媒体は 404（R-MT-7）。\n\n"
                            + "R-MT-3 / #15 item 10: the chain (removal, handovers, evidence events) in recording order, paged"
                            + " like every list (page, size ≤ 200, default 50; X-Total-Count, Link). R-MT-7: another"
                            + " organisation's item is 404.")
    public RestResponse<List<EventView>> events(
            @RestPath long id,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.events(id, PageRequest.of(page, size)).toResponse(uri);
    }

    @POST
    @Idempotent
    @Path("/custody-items/{id}/handovers")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN})
    @Operation(
            summary =
                    "媒体の引渡しの記録 / Append a handover to the custody chain (who holds it, where); Idempotency-Key honoured",
            description =
                    "取り外した媒体を誰が、どこで保管しているかを保管の連鎖に追記する（R-MT-2/R-MT-3）。現地で取り外した"
                            + "ままの媒体は、引渡しを記録して初めて証跡を提出できる。ベンダは自組織の媒体に限る（他組織は 404、"
                            + "R-MT-7）。Idempotency-Key に対応する。\n\n"
                            + "R-MT-2/R-MT-3: records who holds the medium now and where; a medium still on site needs a handover"
                            + " before evidence can be submitted. R-MT-7: another organisation's item is 404. Idempotency-Key"
                            + " honoured.")
    public RestResponse<ItemView> handover(
            @RestPath long id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "セキュア保管庫へ",
                                                            summary = "取り外した SSD を封印してベンダの保管庫へ移す",
                                                            value = ApiExamples.HANDOVER)))
                    @Valid
                    @NotNull
                    HandoverInput body) {
        ItemView view = service.handover(id, body);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/custody-items/{id}/purge-exception")
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(
            summary =
                    "PURGE 例外の承認 / R-MT-5: jpo-admin allows PURGE instead of destruction for a part of a MINOR_NOT_CONTROLLER fault",
            description =
                    "制御部に及ばない軽微な故障（MINOR_NOT_CONTROLLER）の部品に限り、証跡の提出前に jpo-admin が物理破壊に"
                            + "代えて消去（PURGE）を認める（R-MT-5）。If-Match に媒体の ETag が必要（無ければ 428、古ければ 412）。部品の"
                            + "交換を記録した又は保管の連鎖を始めたアカウントは承認できない（403、R-SEC-2）。\n\n"
                            + "If-Match with the custody item's ETag (428 without, 412 stale). R-SEC-2: the account that"
                            + " recorded the part's replacement or started its custody chain cannot approve it (403).")
    public RestResponse<ItemView> purgeException(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "軽微な故障の SSD",
                                                            summary = "暗号化消去を条件に物理破壊に代える",
                                                            value = ApiExamples.PURGE_EXCEPTION)))
                    @Valid
                    @NotNull
                    PurgeExceptionInput body) {
        ItemView view = service.approvePurgeException(id, ifMatch, body.reason());
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("/media/{serial}/evidence-status")
    @RolesAllowed({Roles.SERVICE, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary =
                    "媒体の証跡の受理状況 / Whether a medium has accepted destruction evidence, whichever way it was tracked",
            description =
                    "シリアル番号で、媒体に受理済みの破壊・消去証跡があるかを返す（交換部品、障害ログ媒体、消去命令のいずれでも）。"
                            + "acceptedAt は受理した時刻（未受理なら null）で、撤去判定（R-RM-4）が最後の受理より後に作成された"
                            + "アーカイブを求めるために使う。記録の無いシリアルは NOT_TRACKED。\n\n"
                            + "R-RM-4: acceptedAt is the instant the evidence was accepted (null otherwise), so that "
                            + "lifecycle-service's removal gate can require an archive built after the last acceptance.")
    public EvidenceStatus evidenceStatus(@RestPath String serial) {
        return service.evidenceStatus(serial);
    }
}
