package io.kiban.maintenance.contractor;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.contractor.ContractorService.ApprovalInput;
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
    @Idempotent
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN })
    @Operation(summary = "Propose a contractor (JPO is told beforehand)",
            description = "R-MT-4: the contractor is PROPOSED; its certificates count only after a jpo-admin approved it"
                    + " (POST /contractors/{id}/approval). There is no typed approval date: a body with approvedOn is 400."
                    + " Idempotency-Key honoured.")
    public RestResponse<ContractorView> propose(@Valid @NotNull ContractorInput body) {
        ContractorView view = service.propose(body);
        return Responses.created(URI.create("/contractors/" + view.id()), view, view.version());
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(summary = "jpo-admin approves a proposed contractor (If-Match)",
            description = "R-MT-4: the approval is the moment JPO records it (server time, audited); a certificate for a"
                    + " destruction dated before that day is refused (422 R-MT-4). R-SEC-2: the account that proposed"
                    + " the contractor cannot approve it (403); If-Match of the version reviewed (428 without, 412 stale). The audit entry seals status, approver,"
                    + " approval and revocation; its MAC is stored on the row and"
                    + " GET /audit/verify reports the row if it changes later (#15 item 7).")
    public RestResponse<ContractorView> approve(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid ApprovalInput body) {
        ContractorView view = service.approve(id, ifMatch, body == null ? null : body.note());
        return Responses.ok(view, view.version());
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
    @Operation(summary = "Revoke an approval (If-Match)",
            description = "R-MT-4: the revocation takes effect when it is recorded (server time); certificates for"
                    + " destructions on that day or later are refused. A typed revokedOn is 400. The audit entry seals status, approver, approval"
                    + " and revocation; its MAC is stored on the row and"
                    + " GET /audit/verify reports the row if it changes later (#15 item 7).")
    public RestResponse<ContractorView> revoke(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull RevocationInput body) {
        ContractorView view = service.revoke(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }
}
