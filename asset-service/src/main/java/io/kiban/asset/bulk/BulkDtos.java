package io.kiban.asset.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a bulk import of the standard sheet answers. */
final class BulkDtos {

    private BulkDtos() {}

    /** What a row does to the ledger. */
    public enum Action {
        CREATE,
        UPDATE,
        UNCHANGED
    }

    /**
     * One data row of the file: its sheet, its row number as Excel shows it (the heading is row 1),
     * the identity it was matched by (製造番号 for hardware, product/edition/導入先/環境 for software), what
     * it does, the id of the record, and the headings whose value changes.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowOutcome(
            String sheet, int row, String key, Action action, Long id, List<String> changed) {}

    /**
     * The answer to an accepted file: {@code written} is false on a dry run (the rows were applied
     * in a transaction that was rolled back), true when they were committed.
     */
    @RegisterForReflection
    public record BulkReport(
            String format,
            boolean dryRun,
            boolean written,
            int rows,
            int created,
            int updated,
            int unchanged,
            List<RowOutcome> outcomes) {}

    /**
     * One bad cell (or a bad row when {@code column} is null): sheet, row number as Excel shows it,
     * column letter and heading, the value as read, the reason and, where one applies, the rule id.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BulkCellError")
    public record CellError(
            String sheet,
            int row,
            String column,
            String header,
            String value,
            String reason,
            String rule) {}

    /**
     * RFC 9457 problem detail of a refused file: every bad row and cell in {@code errors}; nothing
     * was written.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BulkProblem")
    public record BulkProblem(
            String type,
            String title,
            int status,
            String detail,
            String instance,
            String rule,
            List<CellError> errors) {}
}
