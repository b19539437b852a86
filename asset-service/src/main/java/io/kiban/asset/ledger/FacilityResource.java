package io.kiban.asset.ledger;

import static io.kiban.asset.ledger.LedgerCategories.FACILITIES;
import static io.kiban.asset.support.LedgerResource.SCHEME;

import io.kiban.asset.history.HistoryService;
import io.kiban.asset.ledger.LedgerDtos.FacilityInput;
import io.kiban.asset.ledger.LedgerDtos.FacilityView;
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

@Path("/facilities")
@Tag(name = "facilities", description = "Sheet 5 (施設): facilities, racks and zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FacilityResource extends LedgerResource<Facility, FacilityInput, FacilityView> {

    private final FacilityRemoval racks;

    public FacilityResource(
            LedgerStore store,
            FacilityRemoval racks,
            LedgerWriters writers,
            HistoryService history) {
        super(FACILITIES, store, writers, history);
        this.racks = racks;
    }

    /** A facility is deleted only when it has no racks left. */
    @Override
    protected void remove(long id, String ifMatch) {
        racks.deleteFacility(id, ifMatch);
    }

    @POST
    @Idempotent
    @Operation(
            summary =
                    "施設（様式5）の追加 / "
                            + "Add a record to this sheet (jpo-admin, the contracted vendor)",
            description =
                    "施設（様式5）に記録を追加する（jpo-admin、契約ベンダ）。Idempotency-Key に対応（同じキー・同じ内容は最初の応答を再送、別の内容は422）。\n\n"
                            + "Idempotency-Key honoured: the same key and body replay the first answer, another body → 422.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    @SecurityRequirement(
            name = SCHEME,
            scopes = {Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<FacilityView> add(
            @Valid @NotNull FacilityInput body, @Context UriInfo uri) {
        return create(body, uri);
    }
}
