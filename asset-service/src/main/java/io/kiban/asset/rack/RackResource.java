package io.kiban.asset.rack;

import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import io.kiban.asset.rack.RackDtos.PositionInput;
import io.kiban.asset.rack.RackDtos.PositionView;
import io.kiban.asset.rack.RackDtos.RackInput;
import io.kiban.asset.rack.RackDtos.RackView;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.asset.support.Lists;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/facilities/{facilityId: \\d+}/racks")
@Tag(name = "facilities", description = "Sheet 5 (施設): facilities, racks and zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RackResource {

    private final RackService service;
    private final LedgerWriters writers;
    private final HistoryService history;

    public RackResource(RackService service, LedgerWriters writers, HistoryService history) {
        this.service = service;
        this.writers = writers;
        this.history = history;
    }

    @GET
    @Operation(
            summary = "施設のラック一覧 / " + "The racks of a facility",
            description =
                    "施設のラックの一覧。ページング。\n\n"
                            + "The racks of this facility with their height in units, paged (page, size ≤ 200, X-Total-Count, Link).")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<RackView>> list(
            @RestPath long facilityId,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(service.racks(facilityId), page, size).toResponse(uri);
    }

    @GET
    @Path("/{rackId: \\d+}")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    @Operation(
            summary = "ラックの参照 / One rack of a facility (ETag = its version)",
            description =
                    "1台のラック。ETag はその版。\n\n"
                            + "One rack of this facility; its ETag is its version, to be sent as If-Match by an update or delete.")
    public RestResponse<RackView> get(@RestPath long facilityId, @RestPath long rackId) {
        RackView view = service.rack(facilityId, rackId);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(
            summary =
                    "ラックの追加 / "
                            + "Add a rack to a facility (name unique in the facility, 409 otherwise)",
            description =
                    "施設にラックを追加する。ラック名は施設内で一意（重複は409）。Idempotency-Key に対応。\n\n"
                            + "The name is unique in the facility (409 otherwise); jpo-admin and the contracted vendor. Idempotency-Key honoured.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<RackView> create(
            @RestPath long facilityId, @Valid @NotNull RackInput body) {
        writers.require();
        RackView view = service.addRack(facilityId, body);
        return Responses.created(
                URI.create("/facilities/" + facilityId + "/racks/" + view.id()),
                view,
                view.version());
    }

    @PUT
    @Path("/{rackId: \\d+}")
    @Operation(
            summary =
                    "ラックの更新 / "
                            + "Update a rack (If-Match required; 409 if it would be lower than a mounted item)",
            description =
                    "ラックを更新する。搭載済み機器の位置より低くなる変更は409。If-Match 必須（428/412）。\n\n"
                            + "If-Match required (428/412); a height below a mounted item's top unit → 409.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<RackView> update(
            @RestPath long facilityId,
            @RestPath long rackId,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull RackInput body) {
        writers.require();
        RackView view = service.updateRack(facilityId, rackId, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{rackId: \\d+}")
    @Operation(
            summary =
                    "ラックの削除 / "
                            + "Delete an empty rack (If-Match required; 409 while it holds hardware)",
            description =
                    "空のラックを削除する。機器を搭載している間は409。If-Match 必須（428/412）。\n\n"
                            + "Only an empty rack; while it holds hardware → 409. If-Match required (428/412).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public void delete(
            @RestPath long facilityId,
            @RestPath long rackId,
            @RestHeader("If-Match") String ifMatch) {
        writers.require();
        service.deleteRack(facilityId, rackId, ifMatch);
    }

    @GET
    @Path("/{rackId: \\d+}/history")
    @Operation(
            summary = "ラックの変更履歴（様式10） / " + "Sheet 10 (変更管理): every change of this rack",
            description =
                    "様式10（変更管理）：このラックの変更の全件。ページング。\n\n"
                            + "Every change of this rack from the audited revisions, paged.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<RevisionView>> history(
            @RestPath long facilityId,
            @RestPath long rackId,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        service.rack(facilityId, rackId);
        return Lists.page(history.history(Rack.class, "rack", rackId), page, size).toResponse(uri);
    }

    @GET
    @Path("/{rackId: \\d+}/positions")
    @Operation(
            summary =
                    "ラックの搭載位置 / "
                            + "Which hardware item occupies which units of the rack, bottom up",
            description =
                    "どの機器がラックのどのユニットを占めるか（下から順に）。ページング。\n\n"
                            + "Mounted hardware by units, bottom up (U10 or U10-U11 as on the sheet), paged.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<PositionView>> positions(
            @RestPath long facilityId,
            @RestPath long rackId,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(service.positions(facilityId, rackId), page, size).toResponse(uri);
    }

    @POST
    @Idempotent
    @Path("/{rackId: \\d+}/positions")
    @Operation(
            summary =
                    "機器のラック搭載 / "
                            + "Mount a hardware item at a rack position (409 when the units are taken or the item is mounted elsewhere)",
            description =
                    "機器をラックの位置に搭載する。ユニットが埋まっている、または機器が他に搭載済みなら409。Idempotency-Key に対応。\n\n"
                            + "From bottomUnit upwards over heightUnits units (default 1); taken units or an item mounted elsewhere → 409. Idempotency-Key honoured.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<PositionView> mount(
            @RestPath long facilityId, @RestPath long rackId, @Valid @NotNull PositionInput body) {
        writers.require();
        PositionView view = service.place(facilityId, rackId, body);
        return Responses.created(
                URI.create(
                        "/facilities/"
                                + facilityId
                                + "/racks/"
                                + rackId
                                + "/positions/"
                                + view.id()),
                view,
                view.version());
    }

    @DELETE
    @Path("/{rackId: \\d+}/positions/{positionId: \\d+}")
    @Operation(
            summary =
                    "機器のラック取外し / "
                            + "Unmount a hardware item (If-Match required); the position stays in the change history",
            description =
                    "機器をラックから外す。搭載位置は変更履歴に残る。If-Match 必須（428/412）。\n\n"
                            + "The position stays in the change history (sheet 10). If-Match required (428/412).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public void unmount(
            @RestPath long facilityId,
            @RestPath long rackId,
            @RestPath long positionId,
            @RestHeader("If-Match") String ifMatch) {
        writers.require();
        service.unmount(facilityId, rackId, positionId, ifMatch);
    }
}
