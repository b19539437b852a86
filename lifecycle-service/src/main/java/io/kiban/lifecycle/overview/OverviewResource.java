package io.kiban.lifecycle.overview;

import io.kiban.commons.security.Roles;
import io.kiban.lifecycle.overview.OverviewService.Overview;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/overview")
@Tag(name = "overview", description = "Where the lease stands, for JPO")
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

    private final OverviewService service;

    public OverviewResource(OverviewService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary =
                    "契約の現況 / Phases, next five deadlines, overdue deliverables, delivery status, open tickets and outstanding "
                            + "sanitization, backup freshness; a section whose service is down says unavailable",
            description =
                    "各環境のフェーズ、直近5件の期限、期限を過ぎた成果物、納入状況、未完了の保守チケットと未了のデータ消去、"
                            + "バックアップの鮮度をまとめて返す。応答しないサービスの欄は unavailable と示す。撤去期限（R-LC-8）後に撤去した"
                            + "環境、期限後も撤去していない環境を removalBreaches に挙げ、理由を記録しても消えない。\n\n"
                            + "R-LC-8: removalBreaches lists every environment removed after the removal deadline (2031-03-31) "
                            + "or still not removed after it; a recorded late-removal reason is shown and never removes a breach.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR})
    public Overview overview() {
        return service.overview();
    }
}
