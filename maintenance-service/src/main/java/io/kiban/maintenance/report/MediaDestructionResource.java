package io.kiban.maintenance.report;

import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.maintenance.report.MediaDestructionService.MediumDestruction;
import io.kiban.maintenance.report.MediaDestructionService.Report;
import io.kiban.maintenance.support.Environment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Issue 19: the one answer to "are these media destroyed?" for backup-service and
 * lifecycle-service.
 */
@Path("/reports/media-destruction")
@Tag(
        name = "Reports",
        description =
                "Outstanding sanitization, destruction register (R-MT-3), records export (R-RM-4)")
public class MediaDestructionResource {

    /** The number of listed media not destroyed (the whole list, not the page). */
    public static final String PENDING_HEADER = "X-Media-Pending";

    /** {@code true} only when at least one medium is listed and every one is destroyed. */
    public static final String ALL_DESTROYED_HEADER = "X-Media-All-Destroyed";

    private final MediaDestructionService service;

    public MediaDestructionResource(MediaDestructionService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            summary = "媒体の破壊・消去状況 / Destruction state of every data-bearing medium",
            description =
                    "R-RM-3: 環境またはハードウェア（hardwareId、複数指定可）のデータを保持する媒体ごとに、"
                            + "JPOが受理した破壊・消去の証跡があり、その方法がR-MT-4・R-MT-5の規則を満たすときだけ破壊済みと答える。"
                            + "媒体の一覧は資産管理サービスの台帳（取り外し済みを含む全ページ）、証跡は本サービスのもの。"
                            + "ページング（page、size ≤ 200、X-Total-Count、Link）し、全体の未了件数を X-Media-Pending、"
                            + "全件破壊済みかを X-Media-All-Destroyed に示す。資産管理サービスが停止しているか、その一覧が不完全（X-Total-Count に満たないページ、件数ヘッダなし）なら 503 とし、短い一覧では答えない。ベンダには答えない（403）。"
                            + "\n\n"
                            + "R-RM-3: for an environment or a set of hardware (hardwareId, repeatable, at most 200), one row per "
                            + "data-bearing medium (asset-service's ledger read to the end, removed media included, plus media "
                            + "tracked only here such as failure-analysis log media); a medium is destroyed only when JPO "
                            + "accepted its evidence and the method still satisfies R-MT-4 and R-MT-5. Paged like every list "
                            + "(page, size ≤ 200, default 50, X-Total-Count, Link; a caller that decides reads every page); "
                            + "X-Media-Pending counts the whole list's media not destroyed, X-Media-All-Destroyed is true only "
                            + "when at least one medium is listed and none is pending. Neither environment nor hardwareId → 400; "
                            + "asset-service down, or its list incomplete (pages ending short of its X-Total-Count, no or an "
                            + "unreadable total, more than 10,000 pages) → 503, never a shorter list. Vendors get 403: the report spans every organisation and media that "
                            + "left outside custody (they read their own in /reports/outstanding-sanitization).")
    @APIResponse(
            responseCode = "200",
            description = "One page of media, sorted by serial and hardware id",
            headers = {
                @Header(
                        name = "X-Total-Count",
                        description = "Media in the whole report",
                        schema = @Schema(type = SchemaType.INTEGER)),
                @Header(
                        name = PENDING_HEADER,
                        description = "Media of the whole report not destroyed",
                        schema = @Schema(type = SchemaType.INTEGER)),
                @Header(
                        name = ALL_DESTROYED_HEADER,
                        description = "true only when media are listed and all are " + "destroyed",
                        schema = @Schema(type = SchemaType.BOOLEAN)),
                @Header(name = "Link", description = "RFC 8288 first, prev, next, last")
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = MediumDestruction.class)))
    public RestResponse<List<MediumDestruction>> report(
            @Parameter(description = "環境 / the environment whose media are asked about") @RestQuery
                    Environment environment,
            @Parameter(
                            description =
                                    "ハードウェアID（複数可） / hardware whose media are asked about (repeatable)")
                    @RestQuery
                    List<String> hardwareId,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, size);
        Report report = service.report(environment, hardwareId, request);
        RestResponse<List<MediumDestruction>> paged = report.page().toResponse(uri);
        return RestResponse.ResponseBuilder.fromResponse(paged)
                .header(PENDING_HEADER, report.pending())
                .header(ALL_DESTROYED_HEADER, report.allDestroyed())
                .build();
    }
}
