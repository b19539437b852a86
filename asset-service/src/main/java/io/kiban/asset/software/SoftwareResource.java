package io.kiban.asset.software;

import io.kiban.asset.support.Lists;
import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import io.kiban.asset.software.SoftwareDtos.Drift;
import io.kiban.asset.software.SoftwareDtos.SoftwareInput;
import io.kiban.asset.software.SoftwareDtos.SoftwareView;
import io.kiban.asset.software.SoftwareDtos.SupportRisk;
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

@Path("/software")
@Tag(name = "software", description = "Sheet 2 (ソフトウェア): installed software and its support deadline (サポート期限)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SoftwareResource {

    private final SoftwareService service;
    private final HistoryService history;
    private final LedgerWriters writers;

    public SoftwareResource(SoftwareService service, HistoryService history, LedgerWriters writers) {
        this.service = service;
        this.history = history;
        this.writers = writers;
    }

    @GET
    @Operation(summary = "Search software by environment, hardware, class, name prefix, SBOM subject")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<SoftwareView>> list(@RestQuery String environment, @RestQuery Long hardwareId,
            @RestQuery("class") String softwareClass, @RestQuery String name, @RestQuery String sbomSubject,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(Filters.parse(Environment.class, "environment", environment), hardwareId,
                Filters.parse(SoftwareClass.class, "class", softwareClass), name, sbomSubject,
                PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<SoftwareView> get(@RestPath long id) {
        SoftwareView view = service.get(id);
        return Responses.ok(view, view.lockVersion());
    }

    @POST
    @Idempotent
    @Operation(summary = "Register installed software")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<SoftwareView> create(@Valid @NotNull SoftwareInput body) {
        writers.require();
        SoftwareView view = service.create(body);
        return Responses.created(URI.create("/software/" + view.id()), view, view.lockVersion());
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<SoftwareView> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull SoftwareInput body) {
        writers.require();
        SoftwareView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.lockVersion());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        writers.require();
        service.delete(id, ifMatch);
    }

    @GET
    @Path("/support-risks")
    @Operation(summary = "R-AS-4: software whose support has ended or ends before the contract end, with days left; "
            + "WARNING = inside the warning horizon",
            description = "The contract end is lifecycle-service's contract as amended; headers Kiban-Contract-As-Of "
                    + "and Kiban-Contract-Stale (and each row's contractAsOf/contractStale) say which copy was used — "
                    + "the last one when lifecycle-service is down; 503 when there is none. R-AS-4 (issue 18): software "
                    + "with no known deadline is listed as UNKNOWN by default (includeUnknown=false leaves it out), and "
                    + "a hand-entered deadline contradicting the stored endoflife.date cycle is always listed with "
                    + "supportConflict. Paged.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<SupportRisk>> supportRisks(@RestQuery String environment,
            @RestQuery Boolean includeUnknown, @RestQuery Integer page, @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.supportRisks(Filters.parse(Environment.class, "environment", environment),
                !Boolean.FALSE.equals(includeUnknown), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/drift")
    @Operation(summary = "Products whose versions differ between PRODUCTION and STAGING")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<Drift>> drift(@RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.drift(), page, size).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(summary = "Sheet 10 (変更管理): every change of this software entry")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<RevisionView>> history(@RestPath long id,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(history.history(Software.class, "software", id), page, size).toResponse(uri);
    }
}
