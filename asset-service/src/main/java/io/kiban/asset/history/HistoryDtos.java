package io.kiban.asset.history;

import java.time.Instant;
import java.util.List;

public final class HistoryDtos {

    private HistoryDtos() {}

    /** One field that changed in a revision. Values are shown as text. */
    public record FieldChange(String field, String from, String to) {}

    /** One revision of one ledger entity: who, when, what kind of change and which fields. */
    public record RevisionView(
            int revision,
            Instant at,
            String subject,
            String name,
            String type,
            List<FieldChange> changes) {}
}
