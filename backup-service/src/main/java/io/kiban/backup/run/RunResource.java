package io.kiban.backup.run;

import io.kiban.backup.run.RunDtos.RunView;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/runs")
@Tag(name = "Run ledger", description = "Every expected fire time and what became of it (R-BK-3)")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private final RunQueries queries;

    public RunResource(RunQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(
            summary = "実行台帳の一覧 / The run ledger, newest first, by policy, target and state",
            description =
                    "R-BK-3: 予定時刻ごとの実行記録を新しい順にページ単位で返す（page、size は200まで、既定50。"
                            + "X-Total-Count、Link）。方針（policyId）、対象（targetId）、状態（state: SCHEDULED 予定、RUNNING 実行中、"
                            + "SUCCEEDED 成功、PARTIALLY_FAILED 一部失敗、FAILED 失敗、MISSED 未実行、SKIPPED_OVERLAP・SKIPPED_BLACKOUT・"
                            + "SKIPPED_HOLD 見送り、PRUNED 世代削除済）で絞り込める。一覧にない state は400で、使える値を示す。\n\n"
                            + "R-BK-3: one row per expected fire time, newest first, paged (page, size ≤ 200, default 50; "
                            + "X-Total-Count, Link); optionally by policyId, targetId and state. A state that is none of the "
                            + "ledger's states answers 400 naming the allowed values.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public RestResponse<List<RunView>> list(
            @RestQuery Long policyId,
            @RestQuery Long targetId,
            @RestQuery BackupRun.State state,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return queries.list(policyId, targetId, state, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "実行記録の参照 / One run",
            description =
                    "R-BK-3: 実行記録を一件返す（開始・終了・ハートビート時刻、容量、ドライバの参照、エラー、注記）。\n\n"
                            + "R-BK-3: one run of the ledger with its start, end, heartbeat, bytes, driver reference, error and "
                            + "note.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public RunView get(@RestPath long id) {
        return queries.get(id);
    }
}
