package io.kiban.lifecycle.lease;

import org.jboss.resteasy.reactive.RestQuery;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.lifecycle.support.Lists;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.lease.LeaseDtos.DelayInput;
import io.kiban.lifecycle.lease.LeaseDtos.DelayView;
import io.kiban.lifecycle.lease.LeaseDtos.ExtensionInput;
import io.kiban.lifecycle.lease.LeaseDtos.ExtensionView;
import io.kiban.lifecycle.lease.LeaseDtos.Ledger;
import io.kiban.lifecycle.lease.LeaseDtos.Month;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/lease")
@Tag(name = "lease", description = "Monthly lease ledger (R-LC-7), delay deductions (R-LC-14), negotiated extensions (R-LC-9)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeaseResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LeaseService service;

    public LeaseResource(LeaseService service) {
        this.service = service;
    }

    @GET
    @Path("/ledger")
    @Operation(summary = "The lease ledger: every paid month with amounts per expense category, deductions and totals",
            description = LeaseService.RULE + " Without a negotiated extension (R-LC-9) no month after the lease end exists.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public Ledger ledger() {
        return service.ledger();
    }

    @GET
    @Path("/ledger.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The lease ledger as Excel (賃貸借台帳): Japanese headings, Reiwa date cells", description = LeaseService.RULE)
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<StreamingOutput> workbook() {
        Ledger ledger = service.ledger();
        List<DelayView> delays = service.delays();
        StreamingOutput body = out -> LeaseWorkbook.write(ledger, delays, out);
        return RestResponse.ResponseBuilder.ok(body, XLSX)
                .header("Content-Disposition", "attachment; filename=\"lease-ledger.xlsx\"").build();
    }

    @GET
    @Path("/periods/{month}")
    @Operation(summary = "One month (yyyy-MM) of the ledger; 404 for a month outside the lease and its extensions",
            description = "A closed month (closed=true) shows its stored figures (R-LC-14).")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public Month period(@RestPath String month) {
        return service.period(month);
    }

    @GET
    @Path("/delays")
    @Operation(summary = "Recorded delays of the production start")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<List<DelayView>> delays(@RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.delays(), PageRequest.of(page, size)).toResponse(uri);
    }

    @POST
    @Path("/delays")
    @Idempotent
    @Operation(summary = "Record a delay of the production start with its cause (VENDOR or OTHER) and period (inclusive)",
            description = "R-LC-14: the delay starts at the planned production start (a window starting later is an "
                    + "outage → 422 naming R-LC-14); it is PROPOSED until a second jpo-admin approves it (R-SEC-2); one "
                    + "that would change a closed month → 409 naming R-LC-14. " + LeaseService.RULE)
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<DelayView> recordDelay(@Valid @NotNull DelayInput body) {
        DelayView view = service.recordDelay(body);
        return Responses.created(URI.create("/lease/delays/" + view.id()), view, view.version());
    }

    @GET
    @Path("/delays/{id}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<DelayView> delay(@RestPath long id) {
        DelayView view = service.delay(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/delays/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(summary = "Approve a recorded production-start delay (a second jpo-admin, If-Match of the version reviewed)",
            description = "R-SEC-2: JPO both records and approves delays, so the jpo-admin who recorded it never approves "
                    + "it (403 naming R-SEC-2); If-Match required (428 without, 412 stale). Only approved delays deduct "
                    + "(R-LC-14); a delay that would change a closed month → 409 naming R-LC-14.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<DelayView> approveDelay(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        DelayView view = service.decideDelay(id, true, ifMatch);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/delays/{id}/rejection")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(summary = "Reject a recorded production-start delay (a second jpo-admin, If-Match)",
            description = "R-SEC-2: the recorder never decides its own record (403); If-Match required (428/412).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<DelayView> rejectDelay(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        DelayView view = service.decideDelay(id, false, ifMatch);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/periods/{month}/close")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(summary = "Close a month (yyyy-MM): JPO recorded its payment (jpo-admin, audited)",
            description = "R-LC-14: a month is closed when JPO records its payment, after the month ended (422 naming "
                    + "R-LC-14 before); its figures are stored and never recomputed: contract amendments and delays "
                    + "recorded later apply to open months only, and a change that would reach a closed month → 409 naming "
                    + "R-LC-14. Closing a closed month again answers 200 with the stored figures (idempotent); 201 the "
                    + "first time. Months are never closed automatically.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<Month> close(@RestPath String month) {
        LeaseService.Closing closing = service.close(month);
        return closing.created()
                ? Responses.created(URI.create("/lease/periods/" + closing.month().month()), closing.month())
                : RestResponse.ok(closing.month());
    }

    @DELETE
    @Path("/delays/{id}")
    @Operation(summary = "Delete a delay recorded by mistake (If-Match; audited)",
            description = "R-LC-14: an approved delay that reaches a closed month cannot be deleted (409).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public void deleteDelay(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.deleteDelay(id, ifMatch);
    }

    @GET
    @Path("/extensions")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<List<ExtensionView>> extensions(@RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.extensions(), PageRequest.of(page, size)).toResponse(uri);
    }

    @POST
    @Path("/extensions")
    @Idempotent
    @Operation(summary = "Record use after the lease on negotiated terms (R-LC-9): months and monthly amounts; extends the ledger")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ExtensionView> recordExtension(@Valid @NotNull ExtensionInput body) {
        ExtensionView view = service.recordExtension(body);
        return Responses.created(URI.create("/lease/extensions/" + view.id()), view);
    }

    @DELETE
    @Path("/extensions/{id}")
    @Operation(summary = "Withdraw the last extension recorded by mistake (audited)",
            description = "R-LC-14: an extension holding a closed month cannot be withdrawn (409).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public void deleteExtension(@RestPath long id) {
        service.deleteExtension(id);
    }
}
