package io.kiban.maintenance.replacement;

import org.jboss.resteasy.reactive.RestQuery;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.replacement.ReplacementDtos.DataBearingInput;
import io.kiban.maintenance.replacement.ReplacementDtos.ReplacementInput;
import io.kiban.maintenance.replacement.ReplacementDtos.ReplacementView;
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

@Path("/tickets/{id}/replacements")
@Tag(name = "Part replacements", description = "Parts swapped in a repair; recorded in asset-service too (R-AS-2)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReplacementResource {

    private final ReplacementService service;

    public ReplacementResource(ReplacementService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN })
    @Operation(summary = "Record a part replacement; a data-bearing removed part starts its custody chain."
            + " 503 and nothing recorded when asset-service cannot record it",
            description = "R-MT-3: whether the removed part bears data is decided by asset-service's media ledger of the"
                    + " hardware, not by removed.kind: a known data-bearing serial enters custody whatever kind is named, a"
                    + " kind contradicting the ledger's is 422, a serial the ledger does not know on hardware whose ledger"
                    + " lists media is 422 until jpo-admin records it there as an unregistered part. R-RM-1/R-RM-3: 422 in"
                    + " an environment that is REMOVED or CLOSED. 503 (nothing written) when asset-service or"
                    + " lifecycle-service cannot answer. Idempotency-Key honoured.")
    public RestResponse<ReplacementView> record(@RestPath long id, @Valid @NotNull ReplacementInput body) {
        ReplacementView view = service.record(id, body);
        return Responses.created(URI.create("/tickets/" + id + "/replacements/" + view.id()), view);
    }

    @POST
    @Idempotent
    @Path("/{replacementId}/data-bearing")
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN })
    @Operation(summary = "R-MT-2/R-MT-3: declare a recorded removed part data-bearing after the fact; it enters custody"
            + " (REMOVED_ON_SITE) and the close gate and the outstanding-sanitization report count it."
            + " One-way (false to true), so no If-Match; 409 when it already is data-bearing")
    public RestResponse<ReplacementView> markDataBearing(@RestPath long id, @RestPath String replacementId,
            @Valid @NotNull DataBearingInput body) {
        ReplacementView view = service.markDataBearing(id, replacementId, body);
        return RestResponse.ok(view);
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    @Operation(summary = "The ticket's part replacements, paged",
            description = "#15 item 10: paged like every list (page, size ≤ 200, default 50; X-Total-Count, Link), in"
                    + " recording order. R-MT-7: another organisation's ticket is 404.")
    public RestResponse<List<ReplacementView>> list(@RestPath long id, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(id, PageRequest.of(page, size)).toResponse(uri);
    }
}
