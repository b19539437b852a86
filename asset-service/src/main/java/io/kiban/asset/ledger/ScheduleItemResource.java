package io.kiban.asset.ledger;

import static io.kiban.asset.ledger.LedgerCategories.SCHEDULE;

import io.kiban.asset.history.HistoryService;
import io.kiban.asset.ledger.LedgerDtos.ScheduleItemInput;
import io.kiban.asset.ledger.LedgerDtos.ScheduleItemView;
import io.kiban.asset.support.LedgerResource;
import io.kiban.asset.support.LedgerStore;
import io.kiban.asset.support.LedgerWriters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/schedule")
@Tag(name = "schedule", description = "Sheet 12 (スケジュール・工数): planned and actual")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduleItemResource extends LedgerResource<ScheduleItem, ScheduleItemInput, ScheduleItemView> {

    public ScheduleItemResource(LedgerStore store, LedgerWriters writers, HistoryService history) {
        super(SCHEDULE, store, writers, history);
    }
}
