package io.kiban.asset.ledger;

import static io.kiban.asset.ledger.LedgerCategories.INFORMATION;
import static io.kiban.asset.support.LedgerResource.SCHEME;

import io.kiban.asset.history.HistoryService;
import io.kiban.asset.ledger.LedgerDtos.InformationInput;
import io.kiban.asset.ledger.LedgerDtos.InformationView;
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

@Path("/handled-information")
@Tag(
        name = "handled-information",
        description = "Sheet 7 (取扱情報): data sets with personal-data flag and classification (格付)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HandledInformationResource
        extends LedgerResource<HandledInformation, InformationInput, InformationView> {

    public HandledInformationResource(
            LedgerStore store, LedgerWriters writers, HistoryService history) {
        super(INFORMATION, store, writers, history);
    }

    @POST
    @Idempotent
    @Operation(
            summary =
                    "取扱情報（様式7）の追加 / "
                            + "Add a record to this sheet (jpo-admin, the contracted vendor)",
            description =
                    "取扱情報（様式7）に記録を追加する（jpo-admin、契約ベンダ）。Idempotency-Key に対応（同じキー・同じ内容は最初の応答を再送、別の内容は422）。\n\n"
                            + "Idempotency-Key honoured: the same key and body replay the first answer, another body → 422.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    @SecurityRequirement(
            name = SCHEME,
            scopes = {Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<InformationView> add(
            @Valid @NotNull InformationInput body, @Context UriInfo uri) {
        return create(body, uri);
    }
}
