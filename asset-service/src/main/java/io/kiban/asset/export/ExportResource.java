package io.kiban.asset.export;

import io.kiban.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/exports")
@Tag(name = "exports", description = "The standard sheet (情報資産管理標準シート) as Excel, CSV per category, records for the archive")
public class ExportResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StandardSheetService sheet;
    private final ExportService exports;
    private final Clock clock;

    public ExportResource(StandardSheetService sheet, ExportService exports, Clock clock) {
        this.sheet = sheet;
        this.exports = exports;
        this.clock = clock;
    }

    @GET
    @Path("/standard-sheet.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The standard sheet: twelve sheets, Japanese headings, Reiwa date cells")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public Response standardSheet() {
        StreamingOutput body = sheet::write;
        return Response.ok(body, XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"standard-sheet-" + LocalDate.now(clock) + ".xlsx\"").build();
    }

    @GET
    @Path("/{category}.csv")
    @Produces("text/csv")
    @Operation(summary = "One category as CSV (UTF-8 with BOM, for Excel): the twelve sheets (hardware, software, lines, "
            + "external-services, facilities, public-domains, handled-information, security-requirements, kpis, "
            + "change-history, work-records, schedule) with the sheet's headings after an id column, and media, "
            + "baseline, findings; 404 for any other")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public Response csv(@RestPath String category) {
        ExportService.requireCategory(category);
        StreamingOutput body = out -> exports.csv(category, out);
        return Response.ok(body, "text/csv; charset=UTF-8").header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + category + ".csv\"").build();
    }

    @GET
    @Path("/records.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "R-RM-4: every record of this service, as the API views, for the archive handed to JPO")
    @RolesAllowed({ Roles.SERVICE, Roles.JPO_ADMIN })
    public Response records() {
        StreamingOutput body = exports::records;
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
