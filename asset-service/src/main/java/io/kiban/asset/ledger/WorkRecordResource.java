package io.kiban.asset.ledger;

import static io.kiban.asset.ledger.LedgerCategories.WORK_RECORDS;

import io.kiban.asset.history.HistoryService;
import io.kiban.asset.ledger.LedgerDtos.WorkRecordInput;
import io.kiban.asset.ledger.LedgerDtos.WorkRecordView;
import io.kiban.asset.support.LedgerResource;
import io.kiban.asset.support.LedgerStore;
import io.kiban.asset.support.LedgerWriters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/work-records")
@Tag(name = "work-records", description = "Sheet 11: work records, risks, issues and failure causes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkRecordResource extends LedgerResource<WorkRecord, WorkRecordInput, WorkRecordView> {

    public WorkRecordResource(LedgerStore store, LedgerWriters writers, HistoryService history) {
        super(WORK_RECORDS, store, writers, history);
    }
}
