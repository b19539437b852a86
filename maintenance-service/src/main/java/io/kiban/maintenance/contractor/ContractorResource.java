package io.kiban.maintenance.contractor;

import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.contractor.ContractorService.ContractorInput;
import io.kiban.maintenance.contractor.ContractorService.ContractorView;
import io.kiban.maintenance.contractor.ContractorService.RevocationInput;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/contractors")
@Tag(name = "Contractors", description = "Waste contractors whose certificates jpo-admin approved (R-MT-4)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractorResource {

    private final ContractorService service;

    public ContractorResource(ContractorService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(summary = "Record jpo-admin's approval of a contractor's certificates")
    public RestResponse<ContractorView> approve(@Valid @NotNull ContractorInput body) {
        ContractorView view = service.approve(body);
        return Responses.created(URI.create("/contractors/" + view.id()), view, view.version());
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    @Operation(summary = "The contractor registry, paged (?page=&size=, X-Total-Count, Link)")
    public RestResponse<List<ContractorView>> list(@RestQuery Integer page, @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    public RestResponse<ContractorView> get(@RestPath long id) {
        ContractorView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/revocation")
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(summary = "Revoke an approval (If-Match); certificates dated on or after it are refused")
    public RestResponse<ContractorView> revoke(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull RevocationInput body) {
        ContractorView view = service.revoke(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }
}
