package io.kiban.lifecycle.delivery;

import org.jboss.resteasy.reactive.RestQuery;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.lifecycle.support.Lists;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.delivery.DeliveryDtos.ExtensionInput;
import io.kiban.lifecycle.delivery.DeliveryDtos.ExtensionView;
import io.kiban.lifecycle.delivery.DeliveryDtos.Status;
import io.kiban.lifecycle.support.Remote;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/deliveries")
@Tag(name = "deliveries", description = "Delivery status from asset-service (R-LC-2) and item-level extensions (R-LC-3)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final DeliveryService service;

    public DeliveryResource(DeliveryService service) {
        this.service = service;
    }

    @GET
    @Path("/status")
    @Operation(summary = "Per baseline line: ON_TIME, LATE, EXTENDED_ON_TIME, EXTENDED_LATE (or PENDING); whether R-LC-2 was met",
            description = "Delivery facts come from asset-service; 503 when it is unreachable.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public Status status() {
        try {
            return service.status();
        } catch (Remote.Unavailable e) {
            throw ProblemException.of(ProblemType.DEPENDENCY_UNAVAILABLE, e.getMessage());
        }
    }

    @GET
    @Path("/extensions")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<List<ExtensionView>> extensions(@RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.list(), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/extensions/{id}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<ExtensionView> extension(@RestPath long id) {
        ExtensionView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/extensions")
    @Idempotent
    @Operation(summary = "Propose an item-level delivery extension (R-LC-3)",
            description = "Cause SEMICONDUCTOR_SHORTAGE or OTHER_UNAVOIDABLE, with an explanation, and a new date after the "
                    + "delivery deadline and no later than the extension limit (2027-06-30); 422 naming R-LC-3 otherwise; it counts "
                    + "only once approved by JPO before the original deadline (POST …/approval). "
                    + "The baseline line must exist in asset-service for that environment (422 naming baselineItem); "
                    + "503 when asset-service cannot be asked, and nothing is recorded.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<ExtensionView> propose(@Valid @NotNull ExtensionInput body) {
        ExtensionView view = service.propose(body);
        return Responses.created(URI.create("/deliveries/extensions/" + view.id()), view, view.version());
    }

    @POST
    @Path("/extensions/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(summary = "Approve an extension (jpo-admin, If-Match of the version reviewed)",
            description = "R-LC-3: an extension counts only if JPO approved it before the original deadline of the line "
                    + "(the delivery deadline, 2027-03-31); the approval time is the server's, never typed, and an approval "
                    + "recorded after that date → 422 naming R-LC-3. R-SEC-2: If-Match of the version reviewed (428 "
                    + "without, 412 stale); the account that proposed the extension never approves it (403 naming R-SEC-2).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ExtensionView> approve(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        ExtensionView view = service.decide(id, true, ifMatch);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/extensions/{id}/rejection")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(summary = "Reject an extension (jpo-admin, If-Match of the version reviewed)",
            description = "R-SEC-2: If-Match required (428/412); the proposer never decides its own extension (403).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ExtensionView> reject(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        ExtensionView view = service.decide(id, false, ifMatch);
        return Responses.ok(view, view.version());
    }
}
