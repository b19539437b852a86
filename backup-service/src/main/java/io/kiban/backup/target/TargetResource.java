package io.kiban.backup.target;

import io.kiban.backup.target.TargetDtos.TargetInput;
import io.kiban.backup.target.TargetDtos.TargetStatus;
import io.kiban.backup.target.TargetDtos.TargetView;
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

@Path("/targets")
@Tag(name = "Targets", description = "What is backed up on the Kubernetes and virtualization arrays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TargetResource {


    private final TargetService service;

    public TargetResource(TargetService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List targets, optionally by array and environment")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.VENDOR, Roles.SUPPORT_VENDOR,
        Roles.SERVICE })
    public RestResponse<List<TargetView>> list(@RestQuery BackupTarget.ArrayKind array,
            @RestQuery BackupTarget.Environment environment, @RestQuery Integer page, @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(array, environment, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One target (ETag)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.VENDOR, Roles.SUPPORT_VENDOR,
        Roles.SERVICE })
    public RestResponse<TargetView> get(@RestPath long id) {
        TargetView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("/{id}/status")
    @Operation(summary = "R-BK-3: last successful backup, missed and failed runs, RPO")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.VENDOR, Roles.SUPPORT_VENDOR,
        Roles.SERVICE })
    public TargetStatus status(@RestPath long id) {
        return service.status(id);
    }

    @POST
    @Idempotent
    @Operation(summary = "Register a target")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public RestResponse<TargetView> create(@Valid @NotNull TargetInput body) {
        TargetView view = service.create(body);
        return Responses.created(URI.create("/targets/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a target (If-Match): jpo-admin only",
            description = "SEC-BK-3: retargeting a backup can weaken it, so only jpo-admin may.")
    @RolesAllowed({ Roles.JPO_ADMIN })
    public RestResponse<TargetView> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull TargetInput body) {
        TargetView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a target no policy covers and no run refers to (If-Match): jpo-admin only",
            description = "SEC-BK-3: deleting targets weakens the backups, so only jpo-admin may.")
    @RolesAllowed({ Roles.JPO_ADMIN })
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
