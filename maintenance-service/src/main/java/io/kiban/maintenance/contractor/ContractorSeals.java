package io.kiban.maintenance.contractor;

import io.kiban.commons.audit.AuditHead;
import io.kiban.commons.audit.AuditTrail;
import io.kiban.commons.audit.SealedState;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
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
public class ContractorSeals implements SealedState {

    public static final String APPROVE = "approve-contractor";
    public static final String REVOKE = "revoke-contractor";
    static final String LEGACY_MARKER = "seal-legacy-contractors";

    private final ContractorRepository contractors;
    private final AuditTrail audit;

    public ContractorSeals(ContractorRepository contractors, AuditTrail audit) {
        this.contractors = contractors;
        this.audit = audit;
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
     * Once per database, as {@code EvidenceSeals}: contractors decided before V30 are sealed as
     * they are now.
     */
    @Transactional
    void sealLegacyDecisions(@Observes StartupEvent start) {
        var em = contractors.getEntityManager();
        em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        long done =
                em.createQuery("select count(e) from AuditEntry e where e.action = :a", Long.class)
                        .setParameter("a", LEGACY_MARKER)
                        .getSingleResult();
        if (done > 0) {
            return;
        }
        List<Contractor> legacy =
                contractors.list(
                        "status <> ?1 and auditMac is null order by id",
                        Contractor.Status.PROPOSED);
        for (Contractor c : legacy) {
            // sealed at commit, no version bump (the trigger lets an accepted row change only its
            // NULL audit_mac)
            audit.appendAs(
                            "system",
                            "legacy-seal",
                            "decision recorded before #15 item 7",
                            null,
                            "",
                            action(c.status),
                            "contractor",
                            c.id,
                            c.sealFields())
                    .sealAtCommit("contractor", "audit_mac", "id", c.id);
        }
        audit.appendAs(
                "system",
                "legacy-seal",
                "decision recorded before #15 item 7",
                null,
                "",
                LEGACY_MARKER,
                "contractor",
                "V30",
                java.util.Map.of("sealed", legacy.stream().map(c -> c.id).toList()));
    }
}
