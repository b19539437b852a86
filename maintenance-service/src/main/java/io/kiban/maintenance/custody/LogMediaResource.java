package io.kiban.maintenance.custody;

import org.jboss.resteasy.reactive.RestQuery;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.custody.CustodyDtos.ItemView;
import io.kiban.maintenance.custody.CustodyDtos.LogMediumInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/tickets/{id}/log-media")
@Tag(name = "Custody", description = "Custody chains of data-bearing media and failure-log media (R-MT-2, R-MT-3)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LogMediaResource {

    private final CustodyService service;

    public LogMediaResource(CustodyService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN })
    @Operation(summary = "R-MT-3: register removable media that carry failure-analysis logs off site",
            description = "R-RM-1/R-RM-3: refused (422) when the hardware's environment is REMOVED or CLOSED in"
                    + " lifecycle-service (503 when its phase cannot be read). A vendor registers media only for hardware"
                    + " its organisation maintains (the contracted vendor; 404 otherwise). A serial another organisation"
                    + " tracks answers the 404 of an unknown medium. Idempotency-Key honoured.")
    public RestResponse<ItemView> register(@RestPath long id, @Valid @NotNull LogMediumInput body) {
        ItemView view = service.registerLogMedium(id, body);
        return Responses.created(URI.create("/custody-items/" + view.id()), view, view.version());
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    @Operation(summary = "The ticket's failure-log media, paged",
            description = "#15 item 10: paged like every list (page, size ≤ 200, default 50; X-Total-Count, Link), in id"
                    + " order. R-MT-7: another organisation's ticket is 404.")
    public RestResponse<List<ItemView>> list(@RestPath long id, @RestQuery Integer page, @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.logMedia(id, PageRequest.of(page, size)).toResponse(uri);
    }
}
