package io.kiban.asset.ledger;

import io.kiban.asset.ledger.LedgerDtos.InformationInput;
import io.kiban.asset.ledger.LedgerDtos.InformationView;
import io.kiban.asset.ledger.LedgerServices.Information;
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

@Path("/handled-information")
@Tag(name = "handled-information", description = "Sheet 7 (取扱情報): data sets with personal-data flag and classification (格付)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HandledInformationResource {

    private final HistoryService history;
    private final Information service;
    private final LedgerWriters writers;

    public HandledInformationResource(Information service, LedgerWriters writers, HistoryService history) {
        this.history = history;
        this.service = service;
        this.writers = writers;
    }

    @GET
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<InformationView>> list(@RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<InformationView> get(@RestPath long id) {
        InformationView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<InformationView> create(@Valid @NotNull InformationInput body) {
        writers.require();
        InformationView view = service.add(body);
        return Responses.created(URI.create("/handled-information/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<InformationView> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull InformationInput body) {
        writers.require();
        InformationView view = service.update(id, ifMatch, body);
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
    @Operation(summary = "Sheet 10 (変更管理): every change of this handled information — who, when, which fields from what to what")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public List<RevisionView> history(@RestPath long id) {
        return history.history(HandledInformation.class, "handled information", id);
    }
}
