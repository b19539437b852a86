package io.kiban.asset.rack;

import org.jboss.resteasy.reactive.RestQuery;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.asset.support.Lists;
import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import io.kiban.asset.rack.RackDtos.PositionInput;
import io.kiban.asset.rack.RackDtos.PositionView;
import io.kiban.asset.rack.RackDtos.RackInput;
import io.kiban.asset.rack.RackDtos.RackView;
import io.kiban.asset.support.LedgerWriters;
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
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
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
    @Operation(summary = "The racks of a facility")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<RackView>> list(@RestPath long facilityId,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.racks(facilityId), page, size).toResponse(uri);
    }

    @GET
    @Path("/{rackId: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<RackView> get(@RestPath long facilityId, @RestPath long rackId) {
        RackView view = service.rack(facilityId, rackId);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(summary = "Add a rack to a facility (name unique in the facility, 409 otherwise)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<RackView> create(@RestPath long facilityId, @Valid @NotNull RackInput body) {
        writers.require();
        RackView view = service.addRack(facilityId, body);
        return Responses.created(URI.create("/facilities/" + facilityId + "/racks/" + view.id()), view,
                view.version());
    }

    @PUT
    @Path("/{rackId: \\d+}")
    @Operation(summary = "Update a rack (If-Match required; 409 if it would be lower than a mounted item)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<RackView> update(@RestPath long facilityId, @RestPath long rackId,
            @RestHeader("If-Match") String ifMatch, @Valid @NotNull RackInput body) {
        writers.require();
        RackView view = service.updateRack(facilityId, rackId, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{rackId: \\d+}")
    @Operation(summary = "Delete an empty rack (If-Match required; 409 while it holds hardware)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public void delete(@RestPath long facilityId, @RestPath long rackId, @RestHeader("If-Match") String ifMatch) {
        writers.require();
        service.deleteRack(facilityId, rackId, ifMatch);
    }

    @GET
    @Path("/{rackId: \\d+}/history")
    @Operation(summary = "Sheet 10 (変更管理): every change of this rack")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<RevisionView>> history(@RestPath long facilityId, @RestPath long rackId,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        service.rack(facilityId, rackId);
        return Lists.page(history.history(Rack.class, "rack", rackId), page, size).toResponse(uri);
    }

    @GET
    @Path("/{rackId: \\d+}/positions")
    @Operation(summary = "Which hardware item occupies which units of the rack, bottom up")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<PositionView>> positions(@RestPath long facilityId, @RestPath long rackId,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.positions(facilityId, rackId), page, size).toResponse(uri);
    }

    @POST
    @Idempotent
    @Path("/{rackId: \\d+}/positions")
    @Operation(summary = "Mount a hardware item at a rack position (409 when the units are taken or the item is mounted elsewhere)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<PositionView> mount(@RestPath long facilityId, @RestPath long rackId,
            @Valid @NotNull PositionInput body) {
        writers.require();
        PositionView view = service.place(facilityId, rackId, body);
        return Responses.created(URI.create("/facilities/" + facilityId + "/racks/" + rackId + "/positions/"
                + view.id()), view, view.version());
    }

    @DELETE
    @Path("/{rackId: \\d+}/positions/{positionId: \\d+}")
    @Operation(summary = "Unmount a hardware item (If-Match required); the position stays in the change history")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public void unmount(@RestPath long facilityId, @RestPath long rackId, @RestPath long positionId,
            @RestHeader("If-Match") String ifMatch) {
        writers.require();
        service.unmount(facilityId, rackId, positionId, ifMatch);
    }
}
