package io.kiban.maintenance.contractor;

import io.kiban.commons.audit.LegacySealing;
import io.kiban.commons.audit.SealedState;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/**
 * #15 item 7: every approved or revoked contractor carries the MAC of the audit entry that approved
 * or revoked it, and {@code GET /audit/verify} checks its status, approver, approval time and
 * revocation against that entry. A contractor flipped to APPROVED in SQL, or a revocation rolled
 * back to the earlier approval, makes the audit invalid.
 */
@ApplicationScoped
class ContractorSeals implements SealedState {

    public static final String APPROVE = "approve-contractor";
    public static final String REVOKE = "revoke-contractor";
    static final String LEGACY_MARKER = "seal-legacy-contractors";

    private final ContractorRepository contractors;
    private final LegacySealing legacySealing;

    public ContractorSeals(ContractorRepository contractors, LegacySealing legacySealing) {
        this.contractors = contractors;
        this.legacySealing = legacySealing;
    }

    private static String action(Contractor.Status status) {
        return status == Contractor.Status.REVOKED ? REVOKE : APPROVE;
    }

    @Override
    public String entityType() {
        return "contractor";
    }

    @Override
    public Set<String> actions() {
        return Set.of(APPROVE, REVOKE);
    }

    @Override
    public List<Seal> seals() {
        return contractors.list("status <> ?1 order by id", Contractor.Status.PROPOSED).stream()
                .map(
                        c ->
                                new Seal(
                                        String.valueOf(c.id),
                                        action(c.status),
                                        c.auditMac,
                                        SealedState.digest(c.sealFields())))
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
                "contractor",
                "id",
                () ->
                        contractors
                                .list(
                                        "status <> ?1 and auditMac is null order by id",
                                        Contractor.Status.PROPOSED)
                                .stream()
                                .map(
                                        r ->
                                                new LegacySealing.Row(
                                                        r.id, action(r.status), r.sealFields()))
                                .toList());
    }
}
