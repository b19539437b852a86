package io.kiban.backup.report;

import io.kiban.backup.drill.DrillDtos.DrillReportLine;
import io.kiban.backup.drill.DrillService;
import io.kiban.backup.report.ReportDtos.BackupCopy;
import io.kiban.backup.report.ReportDtos.Records;
import io.kiban.backup.target.BackupTarget;
import io.kiban.backup.target.TargetDtos.TargetStatus;
import io.kiban.backup.target.TargetService;
import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/")
@Tag(name = "Reports", description = "Freshness, restore drills, backup copies and the archive export")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final TargetService targets;
    private final DrillService drills;
    private final ReportService reports;

    public ReportResource(TargetService targets, DrillService drills, ReportService reports) {
        this.targets = targets;
        this.drills = drills;
        this.reports = reports;
    }

    @GET
    @Path("reports/rpo")
    @Operation(summary = "R-BK-3: targets whose last successful backup is older than 1.5 × their interval",
            description = "R-BK-3: paged (page, size ≤ 200, default 50; X-Total-Count, Link), in target-id order; "
                    + "optionally by array, environment and arrayHardwareId. Computed for every matching target at one "
                    + "instant, then sliced.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.VENDOR, Roles.SUPPORT_VENDOR,
        Roles.SERVICE })
    public RestResponse<List<TargetStatus>> rpo(@RestQuery BackupTarget.ArrayKind array,
            @RestQuery BackupTarget.Environment environment, @RestQuery String arrayHardwareId,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return targets.rpoBreaches(array, environment, arrayHardwareId, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("reports/restore-drills")
    @Operation(summary = "R-BK-4: per target, the last successful restore drill and its age",
            description = "R-BK-4: one line per target, paged in target-id order (page, size ≤ 200, default 50; "
                    + "X-Total-Count, Link); optionally by array, environment and arrayHardwareId.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.VENDOR, Roles.SUPPORT_VENDOR,
        Roles.SERVICE })
    public RestResponse<List<DrillReportLine>> restoreDrills(@RestQuery BackupTarget.ArrayKind array,
            @RestQuery BackupTarget.Environment environment, @RestQuery String arrayHardwareId,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return drills.report(array, environment, arrayHardwareId, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("reports/backup-copies")
    @Operation(summary = "R-BK-5: every backup copy still held on the arrays, with whether it is accounted for",
            description = "R-BK-5: paged in (target id, run id) order (page, size ≤ 200, default 50; X-Total-Count, "
                    + "Link) — a caller that must see every copy reads every page; optionally by array, environment "
                    + "and arrayHardwareId. environment PRODUCTION, STAGING or SHARED; the SHARED environment (the "
                    + "distribution board) holds no backups, so it answers an empty list (R-BK-5, R-RM-1 removal "
                    + "readiness).")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.VENDOR, Roles.SUPPORT_VENDOR,
        Roles.SERVICE })
    public RestResponse<List<BackupCopy>> backupCopies(@RestQuery BackupTarget.ArrayKind array,
            @RestQuery String environment, @RestQuery String arrayHardwareId, @RestQuery boolean includePruned,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, size);
        if ("SHARED".equals(environment)) {
            return new Page<BackupCopy>(List.of(), 0, request).toResponse(uri);
        }
        BackupTarget.Environment env = null;
        if (environment != null && !environment.isBlank()) {
            try {
                env = BackupTarget.Environment.valueOf(environment);
            } catch (IllegalArgumentException e) {
                throw io.kiban.commons.problem.ProblemException.badField("environment",
                        "must be PRODUCTION, STAGING or SHARED");
            }
        }
        return reports.copies(array, env, arrayHardwareId, includePruned, request).toResponse(uri);
    }

    @GET
    @Path("exports/records.json")
    @Operation(summary = "R-RM-4: targets, policies, the run ledger and restore drills, for the archive")
    @RolesAllowed({ Roles.SERVICE, Roles.JPO_ADMIN })
    public Records records() {
        return reports.records();
    }
}
