package io.kiban.maintenance.evidence;

import io.kiban.commons.audit.LegacySealing;
import io.kiban.commons.audit.SealedState;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/**
 * #15 item 7: every accepted or rejected evidence row carries the MAC of the audit entry that
 * decided it, and {@code GET /audit/verify} checks the row's status, decider, decision time and
 * file SHA-256s against that entry. A row turned ACCEPTED by an UPDATE in SQL (no audit entry, or
 * one copied from another) makes the audit invalid.
 */
@ApplicationScoped
class EvidenceSeals implements SealedState {

    public static final String ACCEPT = "accept-evidence";
    public static final String REJECT = "reject-evidence";

    /** The audit entry that marks the one-off sealing of decisions made before V30. */
    static final String LEGACY_MARKER = "seal-legacy-evidence";

    private final EvidenceRepository evidence;
    private final EvidenceFileRepository files;
    private final LegacySealing legacySealing;

    public EvidenceSeals(
            EvidenceRepository evidence,
            EvidenceFileRepository files,
            LegacySealing legacySealing) {
        this.evidence = evidence;
        this.files = files;
        this.legacySealing = legacySealing;
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
    public String entityType() {
        return "evidence";
    }

    @Override
    public Set<String> actions() {
        return Set.of(ACCEPT, REJECT);
    }

    @Override
    public List<Seal> seals() {
        return evidence.list("status <> ?1 order by id", Evidence.Status.SUBMITTED).stream()
                .map(
                        e ->
                                new Seal(
                                        String.valueOf(e.id),
                                        action(e.status),
                                        e.auditMac,
                                        SealedState.digest(e.sealFields(files.of(e.id)))))
                .toList();
    }

    /**
     * Once per database (commons' {@link LegacySealing}: the marker {@value #LEGACY_MARKER}, the
     * chain head locked first): decisions made before V30 are sealed as they are now. Later rows
     * without a MAC are never sealed here: /audit/verify reports them.
     */
    @Transactional
    void sealLegacyDecisions(@Observes StartupEvent start) {
        legacySealing.sealOnce(
                LEGACY_MARKER,
                "V30",
                entityType(),
                "evidence",
                "id",
                () ->
                        evidence
                                .list(
                                        "status <> ?1 and auditMac is null order by id",
                                        Evidence.Status.SUBMITTED)
                                .stream()
                                .map(
                                        r ->
                                                new LegacySealing.Row(
                                                        r.id,
                                                        action(r.status),
                                                        r.sealFields(files.of(r.id))))
                                .toList());
    }
}
