package io.kiban.asset.endoflife;

import org.jboss.resteasy.reactive.RestQuery;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.asset.support.Lists;
import io.kiban.asset.endoflife.EolService.MappingInput;
import io.kiban.asset.endoflife.EolService.MappingView;
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

@Path("/eol-mappings")
@Tag(name = "endoflife", description = "endoflife.date release data and the product mapping (R-AS-4 deadlines)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EolResource {

    private final EolService service;

    public EolResource(EolService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<MappingView>> mappings(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.mappings(), page, size).toResponse(uri);
    }

    @POST
    @Idempotent
    @Operation(summary = "Map installed software (purl/CPE prefix or name) to an endoflife.date product (jpo-admin)")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<MappingView> create(@Valid @NotNull MappingInput body) {
        MappingView view = service.createMapping(body);
        return Responses.created(URI.create("/eol-mappings/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<MappingView> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull MappingInput body) {
        MappingView view = service.updateMapping(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed(Roles.JPO_ADMIN)
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.deleteMapping(id, ifMatch);
    }
}
