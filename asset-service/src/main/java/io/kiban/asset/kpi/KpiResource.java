package io.kiban.asset.kpi;

import io.kiban.asset.support.Lists;
import io.kiban.asset.kpi.KpiDtos.KpiInput;
import io.kiban.asset.kpi.KpiDtos.KpiView;
import io.kiban.asset.kpi.KpiDtos.MeasurementInput;
import io.kiban.asset.kpi.KpiDtos.MeasurementView;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Caller;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/kpis")
@Tag(name = "kpis", description = "Sheet 9 (指標): KPIs with planned values and measurements over time")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KpiResource {

    private final HistoryService history;
    private final KpiService service;
    private final LedgerWriters writers;
    private final Caller caller;

    public KpiResource(KpiService service, LedgerWriters writers, Caller caller, HistoryService history) {
        this.history = history;
        this.service = service;
        this.writers = writers;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<KpiView>> list(@RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<KpiView> get(@RestPath long id) {
        KpiView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(summary = "Define a KPI (jpo-admin)")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<KpiView> create(@Valid @NotNull KpiInput body) {
        KpiView view = service.add(body);
        return Responses.created(URI.create("/kpis/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<KpiView> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull KpiInput body) {
        KpiView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed(Roles.JPO_ADMIN)
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Idempotent
    @Path("/{id: \\d+}/measurements")
    @Operation(summary = "Record a measured value (jpo-admin, the contracted vendor, or a service)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SERVICE })
    public RestResponse<MeasurementView> measure(@RestPath long id, @Valid @NotNull MeasurementInput body) {
        if (!caller.hasRole(Roles.SERVICE)) {
            writers.require();
        }
        MeasurementView view = service.measure(id, body);
        return Responses.created(URI.create("/kpis/" + id + "/measurements"), view);
    }

    @GET
    @Path("/{id: \\d+}/measurements")
    @Operation(summary = "The series of measured values in [from, to)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<MeasurementView>> series(@RestPath long id, @RestQuery Instant from, @RestQuery Instant to,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.series(id, from, to), page, size).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(summary = "Sheet 10 (変更管理): every change of this KPI — who, when, which fields from what to what")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<RevisionView>> history(@RestPath long id,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(history.history(Kpi.class, "KPI", id), page, size).toResponse(uri);
    }
}
