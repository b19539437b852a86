package io.kiban.lifecycle.delivery;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.delivery.DeliveryDtos.ExtensionInput;
import io.kiban.lifecycle.delivery.DeliveryDtos.ExtensionView;
import io.kiban.lifecycle.delivery.DeliveryDtos.Status;
import io.kiban.lifecycle.support.Lists;
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

@Path("/deliveries")
@Tag(
        name = "deliveries",
        description =
                "Delivery status from asset-service (R-LC-2) and item-level extensions (R-LC-3)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final DeliveryService service;

    public DeliveryResource(DeliveryService service) {
        this.service = service;
    }

    @GET
    @Path("/status")
    @Operation(
            summary =
                    "納入状況 / Per baseline line: ON_TIME, LATE, EXTENDED_ON_TIME, EXTENDED_LATE (or PENDING); whether R-LC-2 was met",
            description =
                    "調達仕様の構成（ベースライン）の行ごとに、納入期限（R-LC-2）までに納入されたか、承認された延長"
                            + "（R-LC-3）の期日までに納入されたかを示す。納入の事実は asset-service から得る。asset-service に問い合わせ"
                            + "られなければ 503。\n\n"
                            + "Delivery facts come from asset-service; 503 when it is unreachable.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public Status status() {
        return service.status();
    }

    @GET
    @Path("/extensions")
    @Operation(
            summary = "納入期限延長の一覧 / Item-level delivery extensions, proposed and decided (R-LC-3)",
            description =
                    "品目ごとの納入期限延長（R-LC-3）の申請と、その承認・却下を返す。ページ単位（page、size ≤ 200）。\n\n"
                            + "Every item-level delivery extension (R-LC-3) with its status. Paged (page, size ≤ 200; "
                            + "X-Total-Count, Link).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<List<ExtensionView>> extensions(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.list(), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/extensions/{id}")
    @Operation(
            summary = "納入期限延長の照会 / One delivery extension, with the ETag its approval names",
            description =
                    "納入期限延長の申請内容（環境、品目、理由、新たな期日）と状態を返す。ETag は承認・却下で If-Match に"
                            + "指定する版（R-SEC-2）。\n\n"
                            + "One extension (environment, baseline line, cause, new date) and its status; its ETag is what the "
                            + "approval or rejection names in If-Match (R-SEC-2).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR})
    public RestResponse<ExtensionView> extension(@RestPath long id) {
        ExtensionView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/extensions")
    @Idempotent
    @Operation(
            summary = "納入期限延長の申請 / Propose an item-level delivery extension (R-LC-3)",
            description =
                    "半導体不足等のやむを得ない理由（SEMICONDUCTOR_SHORTAGE または OTHER_UNAVOIDABLE）と説明を付け、"
                            + "納入期限の後で延長限度（2027-06-30）までの新たな期日を申請する。満たさなければ 422（R-LC-3）。延長は、元の"
                            + "期限までに特許庁が承認したときに限り有効。品目は asset-service の構成にその環境の行として存在しなければならず"
                            + "（なければ 422）、asset-service に問い合わせられなければ 503 で何も記録しない。\n\n"
                            + "Cause SEMICONDUCTOR_SHORTAGE or OTHER_UNAVOIDABLE, with an explanation, and a new date after the "
                            + "delivery deadline and no later than the extension limit (2027-06-30); 422 naming R-LC-3 otherwise; it counts "
                            + "only once approved by JPO before the original deadline (POST …/approval). "
                            + "The baseline line must exist in asset-service for that environment (422 naming baselineItem); "
                            + "503 when asset-service cannot be asked, and nothing is recorded.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<ExtensionView> propose(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "半導体不足によるワーカーノードの延長",
                                                            summary =
                                                                    "本番環境の Kubernetes ワーカーノードの納入を令和9年5月31日まで延長",
                                                            value = PROPOSE_EXAMPLE)))
                    @Valid
                    @NotNull
                    ExtensionInput body) {
        ExtensionView view = service.propose(body);
        return Responses.created(
                URI.create("/deliveries/extensions/" + view.id()), view, view.version());
    }

    @POST
    @Path("/extensions/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(
            summary =
                    "納入期限延長の承認 / Approve an extension (jpo-admin, If-Match of the version reviewed)",
            description =
                    "延長は、その行の元の納入期限（2027-03-31）までに特許庁が承認した場合に限り有効。承認日時はサーバの"
                            + "時刻で記録し、入力させない。期限後の承認は 422（R-LC-3）。確認した版を If-Match で示す（なければ 428、古ければ"
                            + "412）。申請したアカウントは承認できない（403、R-SEC-2）。\n\n"
                            + "R-LC-3: an extension counts only if JPO approved it before the original deadline of the line "
                            + "(the delivery deadline, 2027-03-31); the approval time is the server's, never typed, and an approval "
                            + "recorded after that date → 422 naming R-LC-3. R-SEC-2: If-Match of the version reviewed (428 "
                            + "without, 412 stale); the account that proposed the extension never approves it (403 naming R-SEC-2).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ExtensionView> approve(
            @RestPath long id, @RestHeader("If-Match") String ifMatch) {
        ExtensionView view = service.decide(id, true, ifMatch);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/extensions/{id}/rejection")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(
            summary =
                    "納入期限延長の却下 / Reject an extension (jpo-admin, If-Match of the version reviewed)",
            description =
                    "確認した版（If-Match）の延長申請を却下する。If-Match がなければ 428、古ければ 412。申請者自身は決定"
                            + "できない（403、R-SEC-2）。\n\n"
                            + "R-SEC-2: If-Match required (428/412); the proposer never decides its own extension (403).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ExtensionView> reject(
            @RestPath long id, @RestHeader("If-Match") String ifMatch) {
        ExtensionView view = service.decide(id, false, ifMatch);
        return Responses.ok(view, view.version());
    }

    /** The documented proposal: a production worker node delayed by the semiconductor shortage. */
    static final String PROPOSE_EXAMPLE =
            "{\"environment\": \"PRODUCTION\", \"baselineItem\": \"k8s-worker\", "
                    + "\"cause\": \"SEMICONDUCTOR_SHORTAGE\", \"explanation\": \"GPU 搭載ワーカーノードの GPU が半導体不足により"
                    + "メーカーから出荷されず、納入は令和9年5月中旬の見込み（メーカーの出荷遅延通知による）\", \"newDate\": \"2027-05-31\"}";
}
