package io.kiban.maintenance.ticket;

import io.kiban.maintenance.ticket.TicketDtos.TransitionView;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.ticket.TicketDtos.TicketDetail;
import io.kiban.maintenance.ticket.TicketDtos.TicketInput;
import io.kiban.maintenance.ticket.TicketDtos.TicketView;
import io.kiban.maintenance.ticket.TicketDtos.TransitionInput;
import io.kiban.maintenance.support.Params;
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

@Path("/tickets")
@Tag(name = "Tickets", description = "Fault tickets of the hardware vendor (R-MT-1, R-MT-6, R-MT-7)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {

    private final TicketService service;

    public TicketResource(TicketService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF })
    @Operation(summary = "File a ticket against an asset-service hardware id (Idempotency-Key honoured)",
            description = "R-RM-1/R-RM-3: refused (422) when the hardware's environment is REMOVED or CLOSED in"
                    + " lifecycle-service; 503 when the phase cannot be read. R-MT-1 targets run from reportedAt.")
    public RestResponse<TicketView> file(@Valid @NotNull TicketInput body) {
        TicketView view = service.file(body);
        return Responses.created(URI.create("/tickets/" + view.id()), view, view.version());
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.SERVICE })
    @Operation(summary = "List tickets; vendors see their own organisation's only; breached=true lists R-MT-1 breaches")
    public RestResponse<List<TicketView>> list(@RestQuery String status, @RestQuery String hardwareId,
            @RestQuery String breached, @RestQuery String organisation, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(Params.enumOf(TicketStatus.class, "status", status), hardwareId,
                Params.bool("breached", breached), organisation, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.SERVICE })
    @Operation(summary = "A ticket with its transitions")
    public RestResponse<TicketDetail> get(@RestPath long id) {
        TicketDetail detail = service.get(id);
        return Responses.ok(detail, detail.ticket().version());
    }

    @GET
    @Path("/{id}/transitions")
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.SERVICE })
    @Operation(summary = "The ticket's transitions, paged",
            description = "R-MT-1 / #15 item 10: who moved the ticket when, in recording order, paged like every list"
                    + " (page, size ≤ 200, default 50; X-Total-Count, Link). R-MT-7: another organisation's ticket is 404.")
    public RestResponse<List<TransitionView>> transitions(@RestPath long id, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return service.transitions(id, PageRequest.of(page, size)).toResponse(uri);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN })
    @Operation(summary = "Move a ticket on (If-Match required); CLOSED needs accepted evidence for every data-bearing item (R-MT-6)",
            description = "DOMAIN §8: CLOSED and reopening (RESOLVED to IN_PROGRESS) are jpo-admin's; CANCELLED is"
                    + " jpo-admin's or the vendor's, never on a ticket JPO filed, and needs a reason (note; 400 without);"
                    + " jpo-staff files and reads only (403). R-MT-1: a target that passed before the ticket was answered,"
                    + " resolved or cancelled stays a recorded breach. jpo-staff is not admitted to this endpoint at all: 403"
                    + " before any If-Match check (DOMAIN §8).")
    public RestResponse<TicketView> transition(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull TransitionInput body) {
        TicketView view = service.transition(id, ifMatch, body.to(), body.note());
        return Responses.ok(view, view.version());
    }
}
