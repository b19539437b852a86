package io.kiban.asset.baseline;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.asset.support.Lists;
import io.kiban.asset.baseline.BaselineDtos.BaselineInput;
import io.kiban.asset.baseline.BaselineDtos.BaselineView;
import io.kiban.asset.baseline.BaselineDtos.Conformance;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.Filters;
import io.kiban.commons.idempotency.Idempotent;
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
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/baseline")
@Tag(name = "baseline", description = "R-AS-1: the procurement baseline (tables 4.5-2/4.5-3) and conformance to it")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BaselineResource {

    private final HistoryService history;
    private final BaselineService service;

    public BaselineResource(BaselineService service, HistoryService history) {
        this.history = history;
        this.service = service;
    }

    @GET
    @Operation(summary = "Baseline lines; with environment, that environment's lines and the SHARED ones")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<BaselineView>> list(@RestQuery String environment,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.list(Filters.parse(Environment.class, "environment", environment)), page, size).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<BaselineView> get(@RestPath long id) {
        BaselineView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(summary = "Add a baseline line (jpo-admin)")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<BaselineView> create(@Valid @NotNull BaselineInput body) {
        BaselineView view = service.create(body);
        return Responses.created(URI.create("/baseline/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @Operation(summary = "Change a baseline line (jpo-admin, If-Match)")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<BaselineView> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull BaselineInput body) {
        BaselineView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed(Roles.JPO_ADMIN)
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @GET
    @Path("/conformance")
    @Operation(summary = "R-AS-1: per baseline line required, registered, delivered, missing, surplus, undelivered")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public Conformance conformance(@RestQuery String environment) {
        return service.conformance(Filters.parse(Environment.class, "environment", environment));
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(summary = "Sheet 10 (変更管理): every change of this baseline line — who, when, which fields from what to what")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<RevisionView>> history(@RestPath long id,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(history.history(BaselineLine.class, "baseline line", id), page, size).toResponse(uri);
    }
}
