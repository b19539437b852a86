package io.kiban.maintenance.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

public final class TicketDtos {

    private TicketDtos() {}

    /**
     * A fault report. {@code organisation} is required from JPO users and must be the caller's own
     * for vendors.
     */
    public record TicketInput(
            @NotBlank @Size(max = 64) String hardwareId,
            @NotNull Severity severity,
            @NotNull FaultClass faultClass,
            @NotBlank @Size(max = 4000) String description,
            @NotNull Instant occurredAt,
            Instant reportedAt,
            @Size(max = 128) String organisation) {}

    /** {@code note} is the reason, required when cancelling. */
    public record TransitionInput(@NotNull TicketStatus to, @Size(max = 2000) String note) {}

    public record TicketView(
            Long id,
            String organisation,
            String hardwareId,
            Severity severity,
            FaultClass faultClass,
            String description,
            TicketStatus status,
            Instant occurredAt,
            Instant reportedAt,
            String filedBy,
            boolean filedByJpo,
            String environment,
            Instant responseDue,
            Instant restorationDue,
            Instant acknowledgedAt,
            boolean acknowledgedByJpo,
            Instant resolvedAt,
            Instant endedAt,
            boolean responseBreached,
            boolean restorationBreached,
            boolean breached,
            long version) {

        /** {@code recorded}: the targets recorded as breached in {@code ticket_breach}. */
        public static TicketView of(Ticket t, Instant now, java.util.Set<String> recorded) {
            boolean response = recorded.contains(TicketBreach.RESPONSE) || t.responseLate(now);
            boolean restoration =
                    recorded.contains(TicketBreach.RESTORATION) || t.restorationLate(now);
            return new TicketView(
                    t.id,
                    t.organisation,
                    t.hardwareId,
                    t.severity,
                    t.faultClass,
                    t.description,
                    t.status,
                    t.occurredAt,
                    t.reportedAt,
                    t.filedBy,
                    t.filedByJpo,
                    t.environment,
                    t.responseDue,
                    t.restorationDue,
                    t.acknowledgedAt,
                    t.acknowledgedByJpo,
                    t.resolvedAt,
                    t.endedAt,
                    response,
                    restoration,
                    response || restoration,
                    t.version);
        }
    }

    public record TransitionView(
            Long id, TicketStatus from, TicketStatus to, Instant at, String actor, String note) {
        public static TransitionView of(TicketTransition t) {
            return new TransitionView(t.id, t.fromStatus, t.toStatus, t.at, t.actor, t.note);
        }
    }

    public record TicketDetail(TicketView ticket, List<TransitionView> transitions) {}
}
