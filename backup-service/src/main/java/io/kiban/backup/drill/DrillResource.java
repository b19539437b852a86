package io.kiban.backup.drill;

import io.kiban.backup.drill.DrillDtos.DrillInput;
import io.kiban.backup.drill.DrillDtos.DrillView;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/restore-drills")
@Tag(name = "Restore drills", description = "Restores that were tried (R-BK-4)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DrillResource {

    private final DrillService service;

    public DrillResource(DrillService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @Operation(summary = "Record a restore drill; the caller is recorded as who performed it")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public RestResponse<DrillView> record(@Valid @NotNull DrillInput body) {
        DrillView view = service.record(body);
        return Responses.created(URI.create("/restore-drills/" + view.id()), view);
    }

    @GET
    @Operation(summary = "Restore drills, newest first")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.VENDOR, Roles.SUPPORT_VENDOR,
        Roles.SERVICE })
    public RestResponse<List<DrillView>> list(@RestQuery Long targetId, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(targetId, PageRequest.of(page, size)).toResponse(uri);
    }
}
