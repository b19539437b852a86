package io.kiban.asset.ledger;

import io.kiban.asset.ledger.MoreLedgerDtos.ScheduleItemInput;
import io.kiban.asset.ledger.MoreLedgerDtos.ScheduleItemView;
import io.kiban.asset.ledger.MoreLedgerServices.ScheduleItems;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/schedule")
@Tag(name = "schedule", description = "Sheet 12 (スケジュール・工数): planned and actual")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduleItemResource {

    private final HistoryService history;
    private final ScheduleItems service;
    private final LedgerWriters writers;

    public ScheduleItemResource(ScheduleItems service, LedgerWriters writers, HistoryService history) {
        this.history = history;
        this.service = service;
        this.writers = writers;
    }

    @GET
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<ScheduleItemView>> list(@RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<ScheduleItemView> get(@RestPath long id) {
        ScheduleItemView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<ScheduleItemView> create(@Valid @NotNull ScheduleItemInput body) {
        writers.require();
        ScheduleItemView view = service.add(body);
        return Responses.created(URI.create("/schedule/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<ScheduleItemView> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull ScheduleItemInput body) {
        writers.require();
        ScheduleItemView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        writers.require();
        service.delete(id, ifMatch);
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(summary = "Sheet 10 (変更管理): every change of this schedule item — who, when, which fields from what to what")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public List<RevisionView> history(@RestPath long id) {
        return history.history(ScheduleItem.class, "schedule item", id);
    }
}
