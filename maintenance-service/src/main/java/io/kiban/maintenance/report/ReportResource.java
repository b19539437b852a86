package io.kiban.maintenance.report;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.maintenance.report.ReportService.OutstandingItem;
import io.kiban.maintenance.report.ReportService.RecordsExport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/")
@Tag(name = "Reports", description = "Outstanding sanitization, destruction register (R-MT-3), records export (R-RM-4)")
public class ReportResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportService service;

    public ReportResource(ReportService service) {
        this.service = service;
    }

    @GET
    @Path("/reports/outstanding-sanitization")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.SERVICE })
    @Operation(summary = "Every data-bearing part, log medium or order medium without accepted evidence, with age and holder",
            description = "R-MT-3/R-RM-3: also every data-bearing medium asset-service shows as removed that never entered"
                    + " custody here (reason REMOVED_WITHOUT_CUSTODY; shown to JPO, auditors and services). ?environment="
                    + " limits the list to PRODUCTION, STAGING or SHARED (lifecycle's removal gate). Each entry names its"
                    + " reason. 503 when asset-service cannot answer. #15 item 10: paged like every list (page, size ≤"
                    + " 200, default 50; X-Total-Count, Link) — a caller that must see every entry (lifecycle's removal"
                    + " gate) reads every page; computed from both sources in a stable order (tracked media by"
                    + " createdAt and id, then media removed without custody by serial) and sliced.")
    public RestResponse<List<OutstandingItem>> outstanding(@RestQuery String environment, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return service.outstanding(environment, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/reports/destruction-register.xlsx")
    @Produces(XLSX)
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.SERVICE })
    @Operation(summary = "The destruction register for JPO (破壊・消去記録簿): Japanese headings, Reiwa dates")
    public RestResponse<StreamingOutput> register() {
        StreamingOutput body = service::writeRegister;
        return RestResponse.ResponseBuilder.ok(body, XLSX)
                .header("Content-Disposition", "attachment; filename=\"destruction-register.xlsx\"; "
                        + "filename*=UTF-8''%E7%A0%B4%E5%A3%8A%E3%83%BB%E6%B6%88%E5%8E%BB%E8%A8%98%E9%8C%B2%E7%B0%BF.xlsx")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @GET
    @Path("/exports/records.json")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SERVICE, Roles.JPO_ADMIN })
    @Operation(summary = "Every record of this service, for the archive handed back to JPO (R-RM-4)")
    public RecordsExport export() {
        return service.export();
    }
}
