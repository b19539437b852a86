package io.kiban.asset.ledger;

import static io.kiban.asset.ledger.LedgerCategories.LINES;

import io.kiban.asset.history.HistoryService;
import io.kiban.asset.ledger.LedgerDtos.LineInput;
import io.kiban.asset.ledger.LedgerDtos.LineView;
import io.kiban.asset.support.LedgerResource;
import io.kiban.asset.support.LedgerStore;
import io.kiban.asset.support.LedgerWriters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/lines")
@Tag(name = "lines", description = "Sheet 3 (回線): lines in use")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LineResource extends LedgerResource<NetworkLine, LineInput, LineView> {

    public LineResource(LedgerStore store, LedgerWriters writers, HistoryService history) {
        super(LINES, store, writers, history);
    }
}
