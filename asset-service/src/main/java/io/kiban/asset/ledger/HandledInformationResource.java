package io.kiban.asset.ledger;

import static io.kiban.asset.ledger.LedgerCategories.INFORMATION;

import io.kiban.asset.history.HistoryService;
import io.kiban.asset.ledger.LedgerDtos.InformationInput;
import io.kiban.asset.ledger.LedgerDtos.InformationView;
import io.kiban.asset.support.LedgerResource;
import io.kiban.asset.support.LedgerStore;
import io.kiban.asset.support.LedgerWriters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/handled-information")
@Tag(name = "handled-information", description = "Sheet 7 (取扱情報): data sets with personal-data flag and classification (格付)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HandledInformationResource extends LedgerResource<HandledInformation, InformationInput, InformationView> {

    public HandledInformationResource(LedgerStore store, LedgerWriters writers, HistoryService history) {
        super(INFORMATION, store, writers, history);
    }
}
