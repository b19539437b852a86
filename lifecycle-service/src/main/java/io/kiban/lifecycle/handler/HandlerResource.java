package io.kiban.lifecycle.handler;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.handler.HandlerDtos.HandlerInput;
import io.kiban.lifecycle.handler.HandlerDtos.HandlerView;
import io.kiban.lifecycle.handler.HandlerDtos.Reason;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/handlers")
@Tag(name = "handlers", description = "The JPO-approved list of information handlers 情報取扱者名簿 (R-SEC-1)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HandlerResource {

    private final HandlerService service;

    public HandlerResource(HandlerService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The list; a vendor sees its own organisation's entries")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR })
    public RestResponse<List<HandlerView>> list(@RestQuery String status, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(status(status), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR })
    public RestResponse<HandlerView> get(@RestPath long id) {
        HandlerView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(summary = "Propose a handler (R-SEC-1): name, address, date of birth, department, position, role, "
            + "affiliation, expertise, track record, nationality and the person's Keycloak account",
            description = "R-SEC-1: the list of information handlers holds these fields; address and date of birth are "
                    + "personal data, shown only to jpo-admin, the auditor and the handler's own organisation. "
                    + "Honours Idempotency-Key.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public RestResponse<HandlerView> propose(@Valid @NotNull HandlerInput body) {
        HandlerView view = service.propose(body);
        return Responses.created(URI.create("/handlers/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a proposal before it is decided, or propose a change of an approved entry (pendingChange, applied when jpo-admin approves it); If-Match")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public RestResponse<HandlerView> change(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull HandlerInput body) {
        HandlerView view = service.change(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve beforehand (jpo-admin): grants the realm role approved-handler in Keycloak",
            description = "R-SEC-2: If-Match of the version reviewed (428 without, 412 stale); the account that proposed "
                    + "the entry or its change never approves it (403 naming R-SEC-2). R-SEC-1: the Keycloak account "
                    + "must carry the proposing organisation in its org attribute (422 naming R-SEC-1).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<HandlerView> approve(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        HandlerView view = service.approve(id, ifMatch);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/rejection")
    @Operation(summary = "Reject a proposal or a proposed change (jpo-admin); If-Match of the version reviewed (R-SEC-2)")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<HandlerView> reject(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull Reason body) {
        HandlerView view = service.reject(id, ifMatch, body.reason());
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/reconciliation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Run the reconciler now (jpo-admin): R-SEC-1, every Keycloak account holding approved-handler "
            + "that is not approved on the list loses the role (audited, counted in "
            + HandlerService.ROLE_REMOVED_METRIC + "); it also runs every few minutes and at start")
    @RolesAllowed(Roles.JPO_ADMIN)
    public HandlerDtos.ReconcileResult reconcile() {
        return service.reconcile();
    }

    @GET
    @Path("/organisations/{organisation}")
    @Operation(summary = "R-SEC-1: a vendor organisation's capital relations, officers and place of work (recorded once "
            + "per vendor); a vendor reads its own")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR })
    public RestResponse<HandlerDtos.OrganisationView> organisation(@RestPath String organisation) {
        HandlerDtos.OrganisationView view = service.organisation(organisation);
        return Responses.ok(view, view.version());
    }

    @PUT
    @Path("/organisations/{organisation}")
    @Operation(summary = "R-SEC-1: record a vendor organisation's capital relations, officers and place of work (the "
            + "vendor for its own organisation, or jpo-admin); If-Match once a record exists; audited")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public RestResponse<HandlerDtos.OrganisationView> recordOrganisation(@RestPath String organisation,
            @RestHeader("If-Match") String ifMatch, @Valid @NotNull HandlerDtos.OrganisationInput body) {
        HandlerDtos.OrganisationView view = service.recordOrganisation(organisation, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/removal")
    @Operation(summary = "Remove at once (jpo-admin, or the vendor for its own people): the Keycloak role is removed")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public HandlerView remove(@RestPath long id, @Valid @NotNull Reason body) {
        return service.remove(id, body.reason());
    }

    private static ApprovedHandler.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ApprovedHandler.Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("status", "unknown status '" + value + "'");
        }
    }
}
