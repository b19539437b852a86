package io.kiban.maintenance.custody;

import io.kiban.commons.problem.Problem;
import io.kiban.maintenance.ticket.OutstandingMedia;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * R-MT-6: the items of a ticket still in custody without accepted evidence, for the ticket's close
 * gate.
 */
@ApplicationScoped
class TicketCloseGate implements OutstandingMedia {

    private final CustodyItemRepository items;

    TicketCloseGate(CustodyItemRepository items) {
        this.items = items;
    }

    @Override
    public List<Problem.Conflict> withoutAcceptedEvidence(long ticketId) {
        return items.outstandingForTicket(ticketId).stream()
                .map(
                        i ->
                                new Problem.Conflict(
                                        i.source.label(),
                                        i.serial,
                                        i.kind
                                                + " "
                                                + i.status
                                                + (i.holder == null ? "" : ", held by " + i.holder)
                                                + ": no accepted destruction evidence",
                                        "/custody-items/" + i.id))
                .toList();
    }
}
