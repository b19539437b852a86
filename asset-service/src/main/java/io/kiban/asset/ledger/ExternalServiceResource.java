package io.kiban.asset.ledger;

import static io.kiban.asset.ledger.LedgerCategories.EXTERNAL_SERVICES;

import io.kiban.asset.history.HistoryService;
import io.kiban.asset.ledger.LedgerDtos.ExternalServiceInput;
import io.kiban.asset.ledger.LedgerDtos.ExternalServiceView;
import io.kiban.asset.support.LedgerResource;
import io.kiban.asset.support.LedgerStore;
import io.kiban.asset.support.LedgerWriters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/external-services")
@Tag(name = "external-services", description = "Sheet 4 (外部サービス)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExternalServiceResource extends LedgerResource<ExternalService, ExternalServiceInput, ExternalServiceView> {

    public ExternalServiceResource(LedgerStore store, LedgerWriters writers, HistoryService history) {
        super(EXTERNAL_SERVICES, store, writers, history);
    }
}
