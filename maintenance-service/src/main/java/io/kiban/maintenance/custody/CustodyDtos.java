package io.kiban.maintenance.custody;

import io.kiban.maintenance.support.MediumKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

public final class CustodyDtos {

    private CustodyDtos() {}

    /** R-MT-3: a removable medium that carries failure-analysis logs off site. */
    public record LogMediumInput(
            @NotNull MediumKind kind,
            @NotBlank @Size(max = 128) String serial,
            @Size(max = 255) String make,
            @Size(max = 255) String model,
            @NotBlank @Size(max = 2000) String contents,
            @NotBlank @Size(max = 255) String holder,
            @Size(max = 255) String location) {}

    public record HandoverInput(
            @NotBlank @Size(max = 255) String holder,
            @Size(max = 255) String location,
            @Size(max = 2000) String note) {}

    public record PurgeExceptionInput(@NotBlank @Size(max = 2000) String reason) {}

    public record ItemView(
            Long id,
            String organisation,
            ItemSource source,
            Long ticketId,
            String replacementId,
            Long orderId,
            String hardwareId,
            MediumKind kind,
            String make,
            String model,
            String serial,
            String contents,
            CustodyStatus status,
            String holder,
            String location,
            String environment,
            Instant createdAt,
            Instant purgeApprovedAt,
            String purgeApprovedBy,
            String purgeApprovalReason,
            long version) {

        public static ItemView of(CustodyItem i) {
            return new ItemView(
                    i.id,
                    i.organisation,
                    i.source,
                    i.ticketId,
                    i.replacementId,
                    i.orderId,
                    i.hardwareId,
                    i.kind,
                    i.make,
                    i.model,
                    i.serial,
                    i.contents,
                    i.status,
                    i.holder,
                    i.location,
                    i.environment,
                    i.createdAt,
                    i.purgeApprovedAt,
                    i.purgeApprovedBy,
                    i.purgeApprovalReason,
                    i.version);
        }
    }

    public record EventView(
            Long id,
            String event,
            CustodyStatus status,
            String holder,
            String location,
            String note,
            Instant at,
            String actor) {
        public static EventView of(CustodyEvent e) {
            return new EventView(
                    e.id, e.event, e.status, e.holder, e.location, e.note, e.at, e.actor);
        }
    }

    /** An item with its chain and the ids of its evidence records. */
    public record ItemDetail(ItemView item, List<EventView> chain, List<Long> evidenceIds) {}

    /** For lifecycle-service and backup-service: has this medium been proven destroyed? */
    /**
     * {@code acceptedAt}: when the medium's destruction evidence was accepted (the accepting
     * decision's time), null unless {@code accepted} — lifecycle-service's removal gate needs the
     * archive built after it (R-RM-4).
     */
    public record EvidenceStatus(
            String serial, String status, boolean accepted, java.time.Instant acceptedAt) {}
}
