package io.kiban.lifecycle.overview;

import io.kiban.commons.security.Roles;
import io.kiban.lifecycle.overview.OverviewService.Overview;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/overview")
@Tag(name = "overview", description = "Where the lease stands, for JPO")
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

    private final OverviewService service;

    public OverviewResource(OverviewService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Phases, next five deadlines, overdue deliverables, delivery status, open tickets and outstanding "
            + "sanitization, backup freshness; a section whose service is down says unavailable",
            description = "R-LC-8: removalBreaches lists every environment removed after the removal deadline (2031-03-31) "
                    + "or still not removed after it; a recorded late-removal reason is shown and never removes a breach.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    public Overview overview() {
        return service.overview();
    }
}
