package io.kiban.maintenance.evidence;

import io.kiban.commons.audit.DecisionSeals;
import io.kiban.commons.audit.LegacySealing;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7: every accepted or rejected evidence row carries the MAC of the audit entry that
 * decided it, and {@code GET /audit/verify} checks the row's status, decider, decision time and
 * file SHA-256s against that entry. A row turned ACCEPTED by an UPDATE in SQL (no audit entry, or
 * one copied from another) makes the audit invalid. The mechanics: {@link DecisionSeals}.
 */
@Singleton // no client proxy: the base class holds final state
class EvidenceSeals extends DecisionSeals<Evidence> {

    public static final String ACCEPT = "accept-evidence";
    public static final String REJECT = "reject-evidence";

    /** The audit entry that marks the one-off sealing of decisions made before V30. */
    static final String LEGACY_MARKER = "seal-legacy-evidence";

    /**
     * The migration that introduced the MACs: decisions older than it are sealed once as they are.
     */
    private static final String SEALED_SINCE = "V30";

    private final EvidenceRepository evidence;
    private final LegacySealing legacySealing;
    private final EvidenceFileRepository files;

    public EvidenceSeals(
            EvidenceRepository evidence,
            EvidenceFileRepository files,
            LegacySealing legacySealing) {
        super("evidence", Set.of(ACCEPT, REJECT), "evidence", "id");
        this.legacySealing = legacySealing;
        this.evidence = evidence;
        this.files = files;
    }

    static String action(Evidence.Status status) {
        return switch (status) {
            case ACCEPTED -> ACCEPT;
            case REJECTED -> REJECT;
            case SUBMITTED ->
                    throw new IllegalArgumentException("submitted evidence is not decided");
        };
    }

    @Override
    protected List<Evidence> decided() {
        return evidence.list("status <> ?1 order by id", Evidence.Status.SUBMITTED);
    }

    @Override
    protected Object idOf(Evidence row) {
        return row.id;
    }

    @Override
    protected String actionOf(Evidence row) {
        return action(row.status);
    }

    @Override
    protected String macOf(Evidence row) {
        return row.auditMac;
    }

    @Override
    protected Map<String, Object> fields(Evidence row) {
        return row.sealFields(files.of(row.id));
    }

    /** Decisions made before V30 sealed once per database ({@link DecisionSeals#sealLegacy}). */
    void sealLegacyDecisions(@Observes StartupEvent start) {
        sealLegacy(legacySealing, LEGACY_MARKER, SEALED_SINCE);
    }
}
