package io.kiban.asset.ledger;

import static io.kiban.asset.ledger.LedgerCategories.WORK_RECORDS;
import static io.kiban.asset.support.LedgerResource.SCHEME;

import io.kiban.asset.history.HistoryService;
import io.kiban.asset.ledger.LedgerDtos.WorkRecordInput;
import io.kiban.asset.ledger.LedgerDtos.WorkRecordView;
import io.kiban.asset.support.LedgerResource;
import io.kiban.asset.support.LedgerStore;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/work-records")
@Tag(
        name = "work-records",
        description = "Sheet 11: work records, risks, issues and failure causes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkRecordResource
        extends LedgerResource<WorkRecord, WorkRecordInput, WorkRecordView> {

    public WorkRecordResource(LedgerStore store, LedgerWriters writers, HistoryService history) {
        super(WORK_RECORDS, store, writers, history);
    }

    @POST
    @Idempotent
    @Operation(
            summary =
                    "作業実績・リスク・課題（様式11）の追加 / "
                            + "Add a record to this sheet (jpo-admin, the contracted vendor)",
            description =
                    "作業実績・リスク・課題（様式11）に記録を追加する（jpo-admin、契約ベンダ）。Idempotency-Key に対応（同じキー・同じ内容は最初の応答を再送、別の内容は422）。\n\n"
                            + "Idempotency-Key honoured: the same key and body replay the first answer, another body → 422.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    @SecurityRequirement(
            name = SCHEME,
            scopes = {Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<WorkRecordView> add(
            @Valid @NotNull WorkRecordInput body, @Context UriInfo uri) {
        return create(body, uri);
    }
}
