package io.kiban.backup.scheduling;

import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * R-BK-1: run a policy now (#19: run-now lives with the scheduler it queues on; the path is the
 * policy's).
 */
@Path("/policies/{id}/runs")
@Tag(name = "Policies", description = "Schedules, retention and drivers (R-BK-1, R-BK-2)")
@Produces(MediaType.APPLICATION_JSON)
public class RunNowResource {

    private final RunNow runNow;

    public RunNowResource(RunNow runNow) {
        this.runNow = runNow;
    }

    @POST
    @Idempotent
    @Operation(
            summary =
                    "バックアップの即時実行 / Run now (Idempotency-Key): queued on the clustered scheduler; the "
                            + "runs appear in /runs",
            description =
                    "R-BK-1: 方針を今すぐ実行する（targetId を指定すればその対象だけ）。クラスタのスケジューラに投入し、"
                            + "対象ごとの実行は受付時点から SCHEDULED として実行台帳（/runs）に載る（応答の runIds）。一時停止中の方針は"
                            + "実行しない（409、SEC-BK-3）。ベンダはどの方針も実行できる。Idempotency-Key で再送しても二重に実行されない。"
                            + "\n\n"
                            + "R-BK-1: one SCHEDULED run per target is in the ledger from the moment it is asked for (runIds "
                            + "in the answer), queued on the clustered scheduler; ?targetId= runs one target only. "
                            + "SEC-BK-3: a paused policy is not run (409); vendors may run any policy.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public RestResponse<RunRequested> runNow(@RestPath long id, @RestQuery Long targetId) {
        return RestResponse.ResponseBuilder.create(
                        RestResponse.Status.ACCEPTED, runNow.runNow(id, targetId))
                .build();
    }
}
