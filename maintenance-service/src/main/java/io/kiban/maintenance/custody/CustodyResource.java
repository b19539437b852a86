package io.kiban.maintenance.custody;

import io.kiban.maintenance.custody.CustodyDtos.EventView;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.maintenance.custody.CustodyDtos.EvidenceStatus;
import io.kiban.maintenance.custody.CustodyDtos.HandoverInput;
import io.kiban.maintenance.custody.CustodyDtos.ItemDetail;
import io.kiban.maintenance.custody.CustodyDtos.ItemView;
import io.kiban.maintenance.custody.CustodyDtos.PurgeExceptionInput;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/")
@Tag(name = "Custody", description = "Custody chains of data-bearing media and failure-log media (R-MT-2, R-MT-3)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustodyResource {

    private final CustodyService service;

    public CustodyResource(CustodyService service) {
        this.service = service;
    }

    @GET
    @Path("/custody-items")
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    @Operation(summary = "Tracked media, filtered by ticket, order or status")
    public RestResponse<List<ItemView>> list(@RestQuery Long ticketId, @RestQuery Long orderId,
            @RestQuery String status, @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(ticketId, orderId, Params.enumOf(CustodyStatus.class, "status", status), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/custody-items/{id}")
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    @Operation(summary = "A tracked medium with its custody chain and evidence ids")
    public RestResponse<ItemDetail> get(@RestPath long id) {
        ItemDetail detail = service.get(id);
        return Responses.ok(detail, detail.item().version());
    }

    @GET
    @Path("/custody-items/{id}/events")
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    @Operation(summary = "A tracked medium's custody chain, paged",
            description = "R-MT-3 / #15 item 10: the chain (removal, handovers, evidence events) in recording order, paged"
                    + " like every list (page, size ≤ 200, default 50; X-Total-Count, Link). R-MT-7: another"
                    + " organisation's item is 404.")
    public RestResponse<List<EventView>> events(@RestPath long id, @RestQuery Integer page, @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.events(id, PageRequest.of(page, size)).toResponse(uri);
    }

    @POST
    @Idempotent
    @Path("/custody-items/{id}/handovers")
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN })
    @Operation(summary = "Append a handover to the custody chain (who holds it, where); Idempotency-Key honoured")
    public RestResponse<ItemView> handover(@RestPath long id, @Valid @NotNull HandoverInput body) {
        ItemView view = service.handover(id, body);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/custody-items/{id}/purge-exception")
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(summary = "R-MT-5: jpo-admin allows PURGE instead of destruction for a part of a MINOR_NOT_CONTROLLER fault",
            description = "If-Match with the custody item's ETag (428 without, 412 stale). R-SEC-2: the account that"
                    + " recorded the part's replacement or started its custody chain cannot approve it (403).")
    public RestResponse<ItemView> purgeException(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull PurgeExceptionInput body) {
        ItemView view = service.approvePurgeException(id, ifMatch, body.reason());
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("/media/{serial}/evidence-status")
    @RolesAllowed({ Roles.SERVICE, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    @Operation(summary = "Whether a medium has accepted destruction evidence, whichever way it was tracked",
            description = "R-RM-4: acceptedAt is the instant the evidence was accepted (null otherwise), so that "
                    + "lifecycle-service's removal gate can require an archive built after the last acceptance.")
    public EvidenceStatus evidenceStatus(@RestPath String serial) {
        return service.evidenceStatus(serial);
    }
}
