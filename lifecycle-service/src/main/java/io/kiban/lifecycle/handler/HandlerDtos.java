package io.kiban.lifecycle.handler;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

public final class HandlerDtos {

    private HandlerDtos() {}

    /**
     * One entry of the list of information handlers (R-SEC-1, §10.6(1) and security 4)): name,
     * address, date of birth, department, position, role in the work, affiliation, expertise
     * (qualifications, training), track record, nationality, and the Keycloak account (id or
     * username) of the person.
     */
    public record HandlerInput(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 128) String organisation,
            @NotBlank @Size(max = 500) String address,
            @NotNull @Past LocalDate dateOfBirth,
            @NotBlank @Size(max = 200) String department,
            @NotBlank @Size(max = 200) String position,
            @NotBlank @Size(max = 200) String role,
            @NotBlank @Size(max = 200) String affiliation,
            @NotBlank @Size(max = 500) String expertise,
            @NotBlank @Size(max = 2000) String trackRecord,
            @NotBlank @Size(max = 100) String nationality,
            @NotBlank @Size(max = 255) String accountId) {

        /**
         * The same entry without the personal data (address, date of birth), for readers who may
         * not see it.
         */
        HandlerInput withoutPersonalData() {
            return new HandlerInput(
                    name,
                    organisation,
                    null,
                    null,
                    department,
                    position,
                    role,
                    affiliation,
                    expertise,
                    trackRecord,
                    nationality,
                    accountId);
        }
    }

    public record Reason(@NotBlank @Size(max = 2000) String reason) {}

    /**
     * {@code address} and {@code dateOfBirth} are null (and {@code personalDataShown} false) unless
     * the reader is jpo-admin, the auditor, or the handler's own organisation (R-SEC-1).
     */
    public record HandlerView(
            Long id,
            String name,
            String organisation,
            String address,
            LocalDate dateOfBirth,
            String department,
            String position,
            String role,
            String affiliation,
            String expertise,
            String trackRecord,
            String nationality,
            String accountId,
            ApprovedHandler.Status status,
            String proposedBy,
            Instant proposedAt,
            String decidedBy,
            Instant decidedAt,
            String removedBy,
            Instant removedAt,
            String note,
            boolean roleSynced,
            HandlerInput pendingChange,
            String pendingChangeBy,
            boolean personalDataShown,
            long version) {

        static HandlerView of(ApprovedHandler h, HandlerInput pending, boolean personal) {
            return new HandlerView(
                    h.id,
                    h.name,
                    h.organisation,
                    personal ? h.address : null,
                    personal ? h.dateOfBirth : null,
                    h.department,
                    h.position,
                    h.role,
                    h.affiliation,
                    h.expertise,
                    h.trackRecord,
                    h.nationality,
                    h.accountId,
                    h.status,
                    h.proposedBy,
                    h.proposedAt,
                    h.decidedBy,
                    h.decidedAt,
                    h.removedBy,
                    h.removedAt,
                    h.note,
                    h.roleSynced,
                    pending == null || personal ? pending : pending.withoutPersonalData(),
                    h.pendingChangeBy,
                    personal,
                    h.version);
        }
    }

    /** R-SEC-1: facts recorded once per vendor organisation. */
    public record OrganisationInput(
            @NotBlank @Size(max = 2000) String capitalRelations,
            @NotBlank @Size(max = 2000) String officers,
            @NotBlank @Size(max = 1000) String placeOfWork) {}

    public record OrganisationView(
            String organisation,
            String capitalRelations,
            String officers,
            String placeOfWork,
            String recordedBy,
            Instant recordedAt,
            long version) {

        static OrganisationView of(VendorOrganisation o) {
            return new OrganisationView(
                    o.organisation,
                    o.capitalRelations,
                    o.officers,
                    o.placeOfWork,
                    o.recordedBy,
                    o.recordedAt,
                    o.version);
        }
    }

    /**
     * One pass of the reconciler (R-SEC-1): the holders of the role and from whom it was taken
     * away.
     */
    public record ReconcileResult(
            int holders, java.util.List<String> removed, java.util.List<String> failed) {}
}
