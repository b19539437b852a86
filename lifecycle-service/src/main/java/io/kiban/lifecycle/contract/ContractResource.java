package io.kiban.lifecycle.contract;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.contract.ContractDtos.CalendarDate;
import io.kiban.lifecycle.contract.ContractDtos.ContractInput;
import io.kiban.lifecycle.contract.ContractDtos.ContractView;
import io.kiban.lifecycle.contract.ContractDtos.Deadline;
import io.kiban.lifecycle.contract.ContractDtos.HolidayView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

    public ContractResource(ContractService service, BusinessCalendar calendar) {
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

    @PUT
    @Path("contract")
    @Operation(summary = "Amend the contract (jpo-admin, If-Match required, audited); amounts in JPY, never negative")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ContractView> amend(@RestHeader("If-Match") String ifMatch, @Valid @NotNull ContractInput body) {
        ContractView view = service.amend(ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("contract/deadlines")
    @Operation(summary = "The contract's deadlines with Reiwa form and practical due date (previous business day)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR, Roles.SERVICE })
    public List<Deadline> deadlines() {
        return service.deadlines();
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
