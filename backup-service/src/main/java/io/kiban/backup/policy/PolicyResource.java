package io.kiban.backup.policy;

import io.kiban.backup.policy.PolicyDtos.PolicyInput;
import io.kiban.backup.policy.PolicyDtos.PolicyView;
import io.kiban.backup.policy.PolicyDtos.RunRequested;
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

@Path("/policies")
@Tag(name = "Policies", description = "Schedules, retention and drivers (R-BK-1, R-BK-2)")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService service;

    public PolicyResource(PolicyService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List policies")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.VENDOR, Roles.SUPPORT_VENDOR,
        Roles.SERVICE })
    public RestResponse<List<PolicyView>> list(@RestQuery Integer page, @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One policy with its next fire time (ETag)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.VENDOR, Roles.SUPPORT_VENDOR,
        Roles.SERVICE })
    public RestResponse<PolicyView> get(@RestPath long id) {
        PolicyView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a policy: cron (Quartz, seconds first), time zone (default Asia/Tokyo), level, "
            + "retention, windows, targets, driver and settings; it is scheduled at once",
            description = "Vendors propose backups by creating policies; only jpo-admin changes, pauses or deletes them "
                    + "(SEC-BK-3). A schedule firing more often than kiban.backup.min-schedule-interval is 422 "
                    + "(SEC-BK-3); an http destination, method or credential not configured for the targets' arrays "
                    + "is 422 (SEC-BK-1); a velero namespace or storage location not allowed is 422 (SEC-BK-2); an "
                    + "exec argument a target fills with a value outside the argument pattern is 422 (SEC-BK-5).")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public RestResponse<PolicyView> create(@Valid @NotNull PolicyInput body) {
        PolicyView view = service.create(body);
        return Responses.created(URI.create("/policies/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a policy (If-Match): jpo-admin only",
            description = "SEC-BK-3: changing a policy (schedule, retention, targets, driver) can weaken it, so only "
                    + "jpo-admin may; a schedule firing more often than kiban.backup.min-schedule-interval (15 min) is "
                    + "422.")
    @RolesAllowed({ Roles.JPO_ADMIN })
    public RestResponse<PolicyView> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull PolicyInput body) {
        PolicyView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a policy that has no runs yet (If-Match); otherwise pause it: jpo-admin only",
            description = "SEC-BK-3: deleting a policy weakens the backups, so only jpo-admin may.")
    @RolesAllowed({ Roles.JPO_ADMIN })
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Pause: nothing fires until resumed; jpo-admin only",
            description = "SEC-BK-3: pausing stops the backups, so only jpo-admin may; a paused policy cannot be run "
                    + "now (409).")
    @RolesAllowed({ Roles.JPO_ADMIN })
    public RestResponse<PolicyView> pause(@RestPath long id) {
        PolicyView view = service.setPaused(id, true);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume: the schedule starts again from now; the time missed while paused is not fired")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public RestResponse<PolicyView> resume(@RestPath long id) {
        PolicyView view = service.setPaused(id, false);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/runs")
    @Idempotent
    @Operation(summary = "Run now (Idempotency-Key): queued on the clustered scheduler; the runs appear in /runs",
            description = "SEC-BK-3: a paused policy is not run (409); vendors may run any policy.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public RestResponse<RunRequested> runNow(@RestPath long id, @RestQuery Long targetId) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, service.runNow(id, targetId))
                .build();
    }
}
