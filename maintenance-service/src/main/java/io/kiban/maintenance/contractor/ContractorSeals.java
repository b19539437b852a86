package io.kiban.maintenance.contractor;

import io.kiban.commons.audit.DecisionSeals;
import io.kiban.commons.audit.LegacySealing;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7: every approved or revoked contractor carries the MAC of the audit entry that approved
 * or revoked it, and {@code GET /audit/verify} checks its status, approver, approval time and
 * revocation against that entry. A contractor flipped to APPROVED in SQL, or a revocation rolled
 * back to the earlier approval, makes the audit invalid. The mechanics: {@link DecisionSeals}.
 */
@Singleton // no client proxy: the base class holds final state
class ContractorSeals extends DecisionSeals<Contractor> {

    public static final String APPROVE = "approve-contractor";
    public static final String REVOKE = "revoke-contractor";
    static final String LEGACY_MARKER = "seal-legacy-contractors";

    /**
     * The migration that introduced the MACs: decisions older than it are sealed once as they are.
     */
    private static final String SEALED_SINCE = "V30";

    private final ContractorRepository contractors;
    private final LegacySealing legacySealing;

    public ContractorSeals(ContractorRepository contractors, LegacySealing legacySealing) {
        super("contractor", Set.of(APPROVE, REVOKE), "contractor", "id");
        this.legacySealing = legacySealing;
        this.contractors = contractors;
    }

    @Override
    protected List<Contractor> decided() {
        return contractors.list("status <> ?1 order by id", Contractor.Status.PROPOSED);
    }

    @Override
    protected Object idOf(Contractor row) {
        return row.id;
    }

    @Override
    protected String actionOf(Contractor row) {
        return row.status == Contractor.Status.REVOKED ? REVOKE : APPROVE;
    }

    @Override
    protected String macOf(Contractor row) {
        return row.auditMac;
    }

    @Override
    protected Map<String, Object> fields(Contractor row) {
        return row.sealFields();
    }

    /** Decisions made before V30 sealed once per database ({@link DecisionSeals#sealLegacy}). */
    void sealLegacyDecisions(@Observes StartupEvent start) {
        sealLegacy(legacySealing, LEGACY_MARKER, SEALED_SINCE);
    }
}
