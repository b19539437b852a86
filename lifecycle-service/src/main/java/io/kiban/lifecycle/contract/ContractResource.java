package io.kiban.lifecycle.contract;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.contract.ContractDtos.AmendmentInput;
import io.kiban.lifecycle.contract.ContractDtos.AmendmentView;
import io.kiban.lifecycle.contract.ContractDtos.CalendarDate;
import io.kiban.lifecycle.contract.ContractDtos.ContractView;
import io.kiban.lifecycle.contract.ContractDtos.Deadline;
import io.kiban.lifecycle.contract.ContractDtos.HolidayView;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/")
@Tag(name = "contract", description = "The contract and the JPO business calendar (R-LC-1…R-LC-8, R-LC-13)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractResource {

    private final ContractService service;
    private final BusinessCalendar calendar;
    private final RemovalObligation obligation;

    public ContractResource(ContractService service, BusinessCalendar calendar, RemovalObligation obligation) {
        this.obligation = obligation;
        this.service = service;
        this.calendar = calendar;
    }

    @GET
    @Path("contract")
    @Operation(summary = "The contract: dates, vendor organisation and monthly amounts per expense category (経費区分)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR, Roles.SERVICE })
    public RestResponse<ContractView> get() {
        ContractView view = service.view();
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("contract/amendments")
    @Operation(summary = "Proposed, approved and rejected contract amendments (R-SEC-2)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    public List<AmendmentView> amendments() {
        return service.amendments();
    }

    @GET
    @Path("contract/amendments/{id}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    public RestResponse<AmendmentView> amendment(@RestPath long id) {
        AmendmentView view = service.amendment(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("contract/amendments")
    @Idempotent
    @Operation(summary = "Propose an amendment of the contract (jpo-admin; If-Match: the contract's ETag as reviewed)",
            description = "R-SEC-2: JPO both proposes and approves amendments, so a second jpo-admin approves (POST "
                    + "…/{id}/approval); nothing changes before. The body is the whole new contract and a reason; amounts "
                    + "in JPY, never negative; dates in order (422 naming the rule). R-LC-14: an amendment that would move "
                    + "the lease off a closed month → 409 naming R-LC-14; amended amounts apply to open months only.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<AmendmentView> propose(@RestHeader("If-Match") String ifMatch,
            @Valid @NotNull AmendmentInput body) {
        AmendmentView view = service.propose(ifMatch, body);
        return Responses.created(URI.create("/contract/amendments/" + view.id()), view, view.version());
    }

    @POST
    @Path("contract/amendments/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(summary = "Approve a proposed amendment (a second jpo-admin, If-Match of the amendment reviewed)",
            description = "R-SEC-2: the proposer never approves its own amendment (403 naming R-SEC-2); If-Match required "
                    + "(428/412); 409 when the contract changed since the proposal. On approval the contract changes (audited) "
                    + "and the scheduled reports and the R-LC-5/R-LC-6 deliverables follow the new dates.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<AmendmentView> approve(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        AmendmentView view = service.decide(id, true, ifMatch);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("contract/amendments/{id}/rejection")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(summary = "Reject a proposed amendment (a second jpo-admin, If-Match)",
            description = "R-SEC-2: the proposer never decides its own amendment (403); If-Match required (428/412).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<AmendmentView> reject(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        AmendmentView view = service.decide(id, false, ifMatch);
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("contract/deadlines")
    @Operation(summary = "The contract's deadlines with Reiwa form and practical due date (previous business day)",
            description = "R-LC-8: the removal deadline is an obligation; its entry lists every environment removed after "
                    + "it or not removed when it passed (breaches), and a late-removal reason never removes a breach.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR, Roles.SERVICE })
    public List<Deadline> deadlines() {
        return obligation.deadlines();
    }

    @GET
    @Path("calendar/{date}")
    @Operation(summary = "Whether a date is a JPO business day, and its practical due date")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR, Roles.SERVICE })
    public CalendarDate day(@RestPath String date) {
        return calendar.describe(parse("date", date));
    }

    @GET
    @Path("calendar/holidays")
    @Operation(summary = "Non-business weekdays held as data: national holidays (with source) and year-end closure")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR, Roles.SERVICE })
    public List<HolidayView> holidays(@RestQuery Integer year) {
        int y = year == null ? 2027 : year;
        if (y < 2026 || y > 2031) {
            throw ProblemException.badField("year", "the calendar covers 2026–2031");
        }
        return calendar.holidays(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
    }

    public static LocalDate parse(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ProblemException.badField(field, "expected a date yyyy-MM-dd");
        }
    }
}
