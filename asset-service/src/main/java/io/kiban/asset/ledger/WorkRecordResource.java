package io.kiban.asset.ledger;

import io.kiban.asset.ledger.MoreLedgerDtos.WorkRecordInput;
import io.kiban.asset.ledger.MoreLedgerDtos.WorkRecordView;
import io.kiban.asset.ledger.MoreLedgerServices.WorkRecords;
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

@Path("/work-records")
@Tag(name = "work-records", description = "Sheet 11: work records, risks, issues and failure causes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkRecordResource {

    private final HistoryService history;
    private final WorkRecords service;
    private final LedgerWriters writers;

    public WorkRecordResource(WorkRecords service, LedgerWriters writers, HistoryService history) {
        this.history = history;
        this.service = service;
        this.writers = writers;
    }

    @GET
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<WorkRecordView>> list(@RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<WorkRecordView> get(@RestPath long id) {
        WorkRecordView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<WorkRecordView> create(@Valid @NotNull WorkRecordInput body) {
        writers.require();
        WorkRecordView view = service.add(body);
        return Responses.created(URI.create("/work-records/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<WorkRecordView> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull WorkRecordInput body) {
        writers.require();
        WorkRecordView view = service.update(id, ifMatch, body);
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
    @Operation(summary = "Sheet 10 (変更管理): every change of this work record — who, when, which fields from what to what")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public List<RevisionView> history(@RestPath long id) {
        return history.history(WorkRecord.class, "work record", id);
    }
}
