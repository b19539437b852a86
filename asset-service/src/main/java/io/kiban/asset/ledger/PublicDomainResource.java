package io.kiban.asset.ledger;

import static io.kiban.asset.ledger.LedgerCategories.DOMAINS;

import io.kiban.asset.history.HistoryService;
import io.kiban.asset.ledger.LedgerDtos.DomainInput;
import io.kiban.asset.ledger.LedgerDtos.DomainView;
import io.kiban.asset.support.LedgerResource;
import io.kiban.asset.support.LedgerStore;
import io.kiban.asset.support.LedgerWriters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/public-domains")
@Tag(name = "public-domains", description = "Sheet 6 (公開ドメイン)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicDomainResource extends LedgerResource<PublicDomain, DomainInput, DomainView> {

    public PublicDomainResource(LedgerStore store, LedgerWriters writers, HistoryService history) {
        super(DOMAINS, store, writers, history);
    }
}
