package io.kiban.asset.ledger;

import static io.kiban.asset.ledger.LedgerCategories.FACILITIES;

import io.kiban.asset.history.HistoryService;
import io.kiban.asset.ledger.LedgerDtos.FacilityInput;
import io.kiban.asset.ledger.LedgerDtos.FacilityView;
import io.kiban.asset.rack.RackService;
import io.kiban.asset.support.LedgerResource;
import io.kiban.asset.support.LedgerStore;
import io.kiban.asset.support.LedgerWriters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/facilities")
@Tag(name = "facilities", description = "Sheet 5 (施設): facilities, racks and zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FacilityResource extends LedgerResource<Facility, FacilityInput, FacilityView> {

    private final RackService racks;

    public FacilityResource(LedgerStore store, RackService racks, LedgerWriters writers, HistoryService history) {
        super(FACILITIES, store, writers, history);
        this.racks = racks;
    }

    /** A facility is deleted only when it has no racks left. */
    @Override
    protected void remove(long id, String ifMatch) {
        racks.deleteFacility(id, ifMatch);
    }
}
