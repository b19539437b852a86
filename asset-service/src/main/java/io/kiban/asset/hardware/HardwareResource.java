package io.kiban.asset.hardware;

import io.kiban.asset.support.Lists;
import io.kiban.asset.hardware.HardwareDtos.HardwareInput;
import io.kiban.asset.hardware.HardwareDtos.HardwareView;
import io.kiban.asset.hardware.HardwareDtos.MaintenanceRisk;
import io.kiban.asset.hardware.HardwareDtos.StatusChange;
import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.Filters;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
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

@Path("/hardware")
@Tag(name = "hardware", description = "Sheet 1 (ハードウェア): leased hardware, its status and maintenance deadline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HardwareResource {

    private final HardwareService service;
    private final HistoryService history;
    private final LedgerWriters writers;

    public HardwareResource(HardwareService service, HistoryService history, LedgerWriters writers) {
        this.service = service;
        this.history = history;
        this.writers = writers;
    }

    @GET
    @Operation(summary = "List hardware, filtered by environment, status, class and baseline item")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<HardwareView>> list(@RestQuery String environment, @RestQuery String status,
            @RestQuery("class") String hardwareClass, @RestQuery String baselineItem, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(Filters.parse(Environment.class, "environment", environment),
                Filters.parse(HardwareStatus.class, "status", status),
                Filters.parse(HardwareClass.class, "class", hardwareClass), baselineItem,
                PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @Operation(summary = "One hardware item (ETag = its version)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<HardwareView> get(@RestPath long id) {
        HardwareView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(summary = "Register a hardware item (R-AS-2 new only, R-AS-3 substitutes, serial unique)",
            description = "An environment whose phase is REMOVED or CLOSED takes no new hardware (422 naming "
                    + "R-RM-1/R-RM-3; the phase is read from lifecycle-service, 503 when it cannot say); SHARED "
                    + "hardware (the distribution board) follows the SHARED phase. Idempotency-Key honoured.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<HardwareView> create(@Valid @NotNull HardwareInput body) {
        writers.require();
        HardwareView view = service.create(body);
        return Responses.created(URI.create("/hardware/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @Operation(summary = "Update a hardware item's descriptive fields (If-Match required)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<HardwareView> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull HardwareInput body) {
        writers.require();
        HardwareView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @Operation(summary = "Delete a hardware item registered by mistake (never one that held media)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        writers.require();
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/{id: \\d+}/status")
    @Operation(summary = "Move the item along its lifecycle (ORDERED → DELIVERED → … → REMOVED; END_OF_USE → IN_SERVICE fallback; If-Match required)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<HardwareView> changeStatus(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull StatusChange body) {
        writers.require();
        HardwareView view = service.changeStatus(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("/maintenance-risks")
    @Operation(summary = "R-AS-6: hardware whose maintenance deadline (保守期限) ends before the lease ends",
            description = "The lease end is lifecycle-service's contract as amended; headers Kiban-Contract-As-Of and "
                    + "Kiban-Contract-Stale (and each row's contractAsOf/contractStale) say which copy was used — the "
                    + "last one when lifecycle-service is down; 503 when there is none. Paged.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<MaintenanceRisk>> maintenanceRisks(@RestQuery String environment,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.maintenanceRisks(Filters.parse(Environment.class, "environment", environment),
                PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(summary = "Sheet 10 (変更管理): every change of this item — who, when, which fields from what to what")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<RevisionView>> history(@RestPath long id,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(history.history(Hardware.class, "hardware", id), page, size).toResponse(uri);
    }
}
