package io.kiban.lifecycle.phase;

import org.jboss.resteasy.reactive.RestQuery;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.lifecycle.support.Lists;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.phase.PhaseDtos.PhaseView;
import io.kiban.lifecycle.phase.PhaseDtos.TransitionInput;
import io.kiban.lifecycle.phase.PhaseDtos.TransitionView;
import io.kiban.lifecycle.support.Environment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/phases")
@Tag(name = "phases", description = "Phase per environment CONTRACTED → … → CLOSED, fallback (R-RM-2)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PhaseResource {

    private final PhaseService service;

    public PhaseResource(PhaseService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR, Roles.SERVICE })
    public RestResponse<List<PhaseView>> list(@RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.list(), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{environment}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR, Roles.SERVICE })
    public RestResponse<PhaseView> get(@RestPath String environment) {
        PhaseView view = service.get(Environment.parse("environment", environment));
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("/{environment}/transitions")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<List<TransitionView>> history(@RestPath String environment, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.history(Environment.parse("environment", environment)), PageRequest.of(page, size)).toResponse(uri);
    }

    @POST
    @Path("/{environment}/transitions")
    @io.kiban.commons.idempotency.Idempotent
    @Operation(summary = "Move an environment to its next phase (jpo-admin)",
            description = "Illegal transitions → 422 naming R-RM-1; a fallback (END_OF_USE or REMOVING → IN_SERVICE, R-RM-2) "
                    + "needs reason (costNote only when newCost is true) and If-Match of the phase reviewed (R-SEC-2: 428 without, 412 stale; "
                    + "If-Match is checked on any transition that sends it); REMOVING → REMOVED passes the removal gate or "
                    + "answers 409 with the blockers, and REMOVED → CLOSED requires that the readiness is still empty "
                    + "(409 with the blockers, R-RM-1); SHARED (the distribution board) enters REMOVING only after both "
                    + "environments did, and REMOVED only after both are REMOVED (blockers phase:PRODUCTION, "
                    + "phase:STAGING). Honours Idempotency-Key.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<PhaseView> transition(@RestPath String environment,
            @org.jboss.resteasy.reactive.RestHeader("If-Match") String ifMatch, @Valid @NotNull TransitionInput body) {
        PhaseView view = service.transition(Environment.parse("environment", environment), body, ifMatch);
        return Responses.ok(view, view.version());
    }
}
