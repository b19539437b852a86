package io.kiban.maintenance.order;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.order.OrderService.OrderInput;
import io.kiban.maintenance.order.OrderService.OrderView;
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

@Path("/sanitization-orders")
@Tag(
        name = "Sanitization orders",
        description = "Evidence for every medium of an environment at removal (R-RM-3)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final OrderService service;

    public OrderResource(OrderService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    @Operation(
            summary =
                    "消去命令の作成 / Take the data-bearing media of an environment (or listed hardware) from asset-service into custody",
            description =
                    "撤去に当たり、環境（environment）又は指定したハードウェア（hardwareIds）について、資産管理サービスが挙げる"
                            + "データ記録媒体（取り外し済みを含む）すべてに保管の連鎖を開始する（R-RM-3）。ベンダは自組織が保守する"
                            + "ハードウェア（lifecycle-service の契約上の受注者）に限る（他は 404）。Idempotency-Key に対応する。\n\n"
                            + "R-RM-3: every data-bearing medium asset-service lists (removed ones included) gets a custody chain."
                            + " A vendor opens orders only for hardware its organisation maintains (the contracted vendor of"
                            + " lifecycle-service's contract; 404 otherwise). Idempotency-Key honoured.")
    public RestResponse<OrderView> create(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "検証環境の撤去",
                                                            summary = "検証環境の全記憶媒体を消去・破壊の対象にする",
                                                            value = ApiExamples.ORDER)))
                    @Valid
                    @NotNull
                    OrderInput body) {
        OrderView view = service.create(body);
        return Responses.created(URI.create("/sanitization-orders/" + view.id()), view);
    }

    @GET
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary =
                    "消去命令の一覧 / Sanitization orders, paged (?page=&size=, X-Total-Count, Link); vendors see their own organisation's",
            description =
                    "撤去時の消去命令を ID 順に返す（R-RM-3）。ベンダには自組織のものだけを返し、件数も自組織分（R-MT-7）。"
                            + "ページ単位（page、size は最大 200、既定 50。X-Total-Count、Link）。\n\n"
                            + "R-RM-3: the sanitization orders in id order. R-MT-7: a vendor sees (and counts) its own"
                            + " organisation's orders only. Paged like every list (page, size ≤ 200, default 50; X-Total-Count,"
                            + " Link).")
    public RestResponse<List<OrderView>> list(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    @Operation(
            summary = "消去命令の参照 / A sanitization order with its media",
            description =
                    "消去命令と、それにより保管の連鎖を始めた媒体、既に追跡されていた媒体のシリアルを返す（R-RM-3）。"
                            + "他組織の消去命令は 404（R-MT-7）。\n\n"
                            + "R-RM-3: the order with the media it took into custody and the serials that were already tracked."
                            + " R-MT-7: another organisation's order is 404.")
    public OrderView get(@RestPath long id) {
        return service.get(id);
    }
}
