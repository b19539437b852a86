package io.kiban.asset.ledger;

import static io.kiban.asset.ledger.LedgerCategories.SECURITY_REQUIREMENTS;

import io.kiban.asset.history.HistoryService;
import io.kiban.asset.ledger.LedgerDtos.SecurityRequirementInput;
import io.kiban.asset.ledger.LedgerDtos.SecurityRequirementView;
import io.kiban.asset.support.LedgerResource;
import io.kiban.asset.support.LedgerStore;
import io.kiban.asset.support.LedgerWriters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/security-requirements")
@Tag(name = "security-requirements", description = "Sheet 8 (情報セキュリティ要件)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SecurityRequirementResource extends LedgerResource<SecurityRequirement, SecurityRequirementInput, SecurityRequirementView> {

    public SecurityRequirementResource(LedgerStore store, LedgerWriters writers, HistoryService history) {
        super(SECURITY_REQUIREMENTS, store, writers, history);
    }
}
