package io.kiban.lifecycle.handler;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public final class HandlerDtos {

    private HandlerDtos() {
    }

    public record HandlerInput(@NotBlank @Size(max = 200) String name, @Size(max = 128) String organisation,
            @NotBlank @Size(max = 200) String role, @NotBlank @Size(max = 200) String affiliation,
            @NotBlank @Size(max = 500) String expertise, @NotBlank @Size(max = 100) String nationality,
            @NotBlank @Size(max = 255) String accountId) {
    }

    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    public record HandlerView(Long id, String name, String organisation, String role, String affiliation,
            String expertise, String nationality, String accountId, ApprovedHandler.Status status, String proposedBy,
            Instant proposedAt, String decidedBy, Instant decidedAt, String removedBy, Instant removedAt, String note,
            boolean roleSynced, HandlerInput pendingChange, long version) {

        static HandlerView of(ApprovedHandler h, HandlerInput pending) {
            return new HandlerView(h.id, h.name, h.organisation, h.role, h.affiliation, h.expertise, h.nationality,
                    h.accountId, h.status, h.proposedBy, h.proposedAt, h.decidedBy, h.decidedAt, h.removedBy,
                    h.removedAt, h.note, h.roleSynced, pending, h.version);
        }
    }
}
