package io.kiban.lifecycle.deliverable;

import io.kiban.lifecycle.support.Environment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public final class DeliverableDtos {

    private DeliverableDtos() {}

    public record DeliverableInput(
            @NotNull Deliverable.Kind kind,
            @NotBlank @Size(max = 300) String title,
            Environment environment,
            @NotNull LocalDate dueDate) {}

    public record ReturnInput(@NotBlank @Size(max = 2000) String reason) {}

    public record ComplianceLine(
            @NotBlank @Size(max = 8) String item,
            @NotNull ComplianceStatus.Value status,
            @Size(max = 2000) String note) {}

    public record ComplianceInput(@NotEmpty List<@Valid @NotNull ComplianceLine> items) {}

    public record SubmissionView(
            String sha256, String fileName, Instant submittedAt, String submittedBy) {}

    /**
     * {@code scheduleSeq}: its place in the schedule generated from the contract dates (null when
     * tracked by hand).
     */
    public record DeliverableView(
            Long id,
            Deliverable.Kind kind,
            String rule,
            String title,
            Environment environment,
            Integer scheduleSeq,
            LocalDate dueDate,
            String dueDateReiwa,
            LocalDate practicalDueDate,
            String practicalDueDateReiwa,
            Deliverable.Status status,
            LocalDate submittedOn,
            String submittedOnReiwa,
            String submittedBy,
            String fileSha256,
            String fileName,
            String reviewedBy,
            Instant reviewedAt,
            String returnReason,
            boolean overdue,
            String overdueReason,
            List<SubmissionView> submissions,
            long version,
            /* issue #18: the practical due date rests on computed (not official) holidays */ boolean
                    computed) {}
}
