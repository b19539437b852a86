package io.kiban.maintenance.ticket;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.support.ApiExamples;
import io.kiban.maintenance.support.Params;
import io.kiban.maintenance.ticket.TicketDtos.TicketDetail;
import io.kiban.maintenance.ticket.TicketDtos.TicketInput;
import io.kiban.maintenance.ticket.TicketDtos.TicketView;
import io.kiban.maintenance.ticket.TicketDtos.TransitionInput;
import io.kiban.maintenance.ticket.TicketDtos.TransitionView;
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

@Path("/tickets")
@Tag(
        name = "Tickets",
        description = "Fault tickets of the hardware vendor (R-MT-1, R-MT-6, R-MT-7)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {

    private final TicketService service;

    public TicketResource(TicketService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF})
    @Operation(
            summary =
                    "障害チケットの起票 / File a ticket against an asset-service hardware id (Idempotency-Key honoured)",
            description =
                    "資産管理サービス（asset-service）のハードウェア ID を指定して障害を起票する。ハードウェアの環境が"
                            + "lifecycle-service で撤去済（REMOVED）又は完了（CLOSED）であれば 422（R-RM-1/R-RM-3）、フェーズを"
                            + "確認できなければ 503。R-MT-1 の応答・復旧目標は報告日時（reportedAt）から起算する。JPO の利用者は"
                            + "保守を担う組織（organisation）を指定し、ベンダは自組織のものに限る（R-MT-7）。Idempotency-Key に対応する。\n\n"
                            + "R-RM-1/R-RM-3: refused (422) when the hardware's environment is REMOVED or CLOSED in"
                            + " lifecycle-service; 503 when the phase cannot be read. R-MT-1 targets run from reportedAt.")
    public RestResponse<TicketView> file(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = ApiExamples.TICKET_NAME,
                                                            summary = ApiExamples.TICKET_SUMMARY,
                                                            value = ApiExamples.TICKET)))
                    @Valid
                    @NotNull
                    TicketInput body) {
        TicketView view = service.file(body);
        return Responses.created(URI.create("/tickets/" + view.id()), view, view.version());
    }

    @GET
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            summary =
                    "障害チケットの一覧 / List tickets; vendors see their own organisation's only; breached=true lists R-MT-1 breaches",
            description =
                    "状態（status）、ハードウェア ID、目標超過（breached=true で R-MT-1 の応答・復旧目標を超過したもの）、"
                            + "組織で絞り込む。status に定義外の値を指定すると、指定できる値を示して 400 を返す。ベンダには自組織の"
                            + "チケットだけを返す（R-MT-7）。ページ単位（page、size は最大 200、既定 50。X-Total-Count、Link）。\n\n"
                            + "Filters: status (a ticket state; an unknown value is 400 naming the allowed ones), hardwareId,"
                            + " breached (true: R-MT-1 response or restoration target missed) and organisation. R-MT-7: a vendor"
                            + " sees its own organisation's tickets only. Paged like every list (page, size ≤ 200, default 50;"
                            + " X-Total-Count, Link).")
    public RestResponse<List<TicketView>> list(
            @RestQuery TicketStatus status,
            @RestQuery String hardwareId,
            @RestQuery String breached,
            @RestQuery String organisation,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(
                        status,
                        hardwareId,
                        Params.bool("breached", breached),
                        organisation,
                        PageRequest.of(page, size))
                .toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            summary = "障害チケットの参照 / A ticket with its transitions",
            description =
                    "チケットとその状態遷移の履歴を返す。版を ETag に載せる（状態遷移の If-Match に使う）。他組織の"
                            + "チケットは 404（R-MT-7）。\n\n"
                            + "The ticket with its transitions; its version is the ETag, to send as If-Match when moving it."
                            + " R-MT-7: another organisation's ticket is 404.")
    public RestResponse<TicketDetail> get(@RestPath long id) {
        TicketDetail detail = service.get(id);
        return Responses.ok(detail, detail.ticket().version());
    }

    @GET
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            summary = "チケットの状態遷移の履歴 / The ticket's transitions, paged",
            description =
                    "誰がいつチケットの状態を変えたかを記録順に返す（R-MT-1）。ページ単位（page、size は最大 200、"
                            + "既定 50。X-Total-Count、Link）。他組織のチケットは 404（R-MT-7）。\n\n"
                            + "R-MT-1 / #15 item 10: who moved the ticket when, in recording order, paged like every list"
                            + " (page, size ≤ 200, default 50; X-Total-Count, Link). R-MT-7: another organisation's ticket is 404.")
    public RestResponse<List<TransitionView>> transitions(
            @RestPath long id,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.transitions(id, PageRequest.of(page, size)).toResponse(uri);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN})
    @Operation(
            summary =
                    "チケットの状態遷移 / Move a ticket on (If-Match required); CLOSED needs accepted evidence for every data-bearing item (R-MT-6)",
            description =
                    "If-Match に参照時の ETag を付けて状態を進める（無ければ 428、古ければ 412）。完了（CLOSED）と再開"
                            + "（RESOLVED から IN_PROGRESS）は jpo-admin のみ。取消（CANCELLED）は jpo-admin、又はベンダが起票したチケットに"
                            + "限りベンダが行い、理由（note）が必要（無ければ 400）。jpo-staff は起票と参照のみ（403）。完了・取消には、"
                            + "データを記録した媒体すべてに受理済みの破壊・消去証跡が必要で、未了の媒体を挙げて 409（R-MT-6）。"
                            + "応答前に目標時刻を過ぎた R-MT-1 の超過は、その後の遷移でも記録に残る。\n\n"
                            + "DOMAIN §8: CLOSED and reopening (RESOLVED to IN_PROGRESS) are jpo-admin's; CANCELLED is"
                            + " jpo-admin's or the vendor's, never on a ticket JPO filed, and needs a reason (note; 400 without);"
                            + " jpo-staff files and reads only (403). R-MT-1: a target that passed before the ticket was answered,"
                            + " resolved or cancelled stays a recorded breach. jpo-staff is not admitted to this endpoint at all: 403"
                            + " before any If-Match check (DOMAIN §8).")
    public RestResponse<TicketView> transition(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "受付",
                                                            summary = "ベンダが障害の受付を返答する",
                                                            value = ApiExamples.TRANSITION)))
                    @Valid
                    @NotNull
                    TransitionInput body) {
        TicketView view = service.transition(id, ifMatch, body.to(), body.note());
        return Responses.ok(view, view.version());
    }
}
