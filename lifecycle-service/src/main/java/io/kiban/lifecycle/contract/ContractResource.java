package io.kiban.lifecycle.contract;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.lifecycle.support.Lists;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.BodyLimit;
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
    private final ContractDeadlines obligation;
    private final CalendarImportService imports;

    public ContractResource(ContractService service, BusinessCalendar calendar, ContractDeadlines obligation,
            CalendarImportService imports) {
        this.imports = imports;
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
    public RestResponse<List<AmendmentView>> amendments(@RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.amendments(), PageRequest.of(page, size)).toResponse(uri);
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
    public RestResponse<List<Deadline>> deadlines(@RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(obligation.deadlines(), PageRequest.of(page, size)).toResponse(uri);
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
    @Operation(summary = "Non-business weekdays held as data: national holidays (with source) and year-end closure",
            description = "Issue #18: a national holiday of a year after the newest imported Cabinet Office list is "
                    + "computed, not official (computed: true). Paged (page, size ≤ 200, default 50; X-Total-Count, "
                    + "Link). year 2026–2031, default 2027.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR, Roles.SERVICE })
    public RestResponse<List<HolidayView>> holidays(@RestQuery Integer year, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        int y = year == null ? 2027 : year;
        if (y < 2026 || y > 2031) {
            throw ProblemException.badField("year", "the calendar covers 2026–2031");
        }
        PageRequest request = PageRequest.of(page, size);
        return Lists.page(calendar.holidays(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)), request).toResponse(uri);
    }

    @POST
    @Path("calendar/holidays/import")
    @Consumes({ "text/csv", MediaType.APPLICATION_OCTET_STREAM })
    @BodyLimit(property = "kiban.calendar.max-file", defaultValue = "1M")
    @Operation(summary = "Import the Cabinet Office holiday list (syukujitsu.csv, Shift_JIS, unchanged) — jpo-admin",
            description = "Issue #18: the national holidays of every year the list covers (2026 on) are replaced by "
                    + "the list's, in one transaction, and kept with the file name, its SHA-256 and the as-of date "
                    + "(asOf, default today); the year-end closure stays. The same file again changes nothing (200 "
                    + "with the stored import), so a retry is safe by itself. A file that is not the list "
                    + "as published (UTF-8, truncated, a bad or repeated date, out of order) → 400 naming the line, "
                    + "nothing written; over 1 MB → 413; a list older than the one held → 409.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<CalendarImportService.ImportView> importHolidays(@RestQuery String fileName,
            @RestQuery String asOf, byte[] body) {
        LocalDate when = asOf == null || asOf.isBlank() ? null : parse("asOf", asOf);
        CalendarImportService.Imported imported = imports.importCsv(fileName, when, body == null ? new byte[0] : body);
        return imported.created()
                ? RestResponse.status(RestResponse.Status.CREATED, imported.view())
                : RestResponse.ok(imported.view());
    }

    @GET
    @Path("calendar/imports")
    @Operation(summary = "The holiday lists imported (issue #18), the V3 initial state first",
            description = "Paged (page, size ≤ 200, default 50; X-Total-Count, Link).")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR })
    public RestResponse<List<CalendarImportService.ImportView>> imports(@RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(imports.list(), PageRequest.of(page, size)).toResponse(uri);
    }

    public static LocalDate parse(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ProblemException.badField(field, "expected a date yyyy-MM-dd");
        }
    }
}
