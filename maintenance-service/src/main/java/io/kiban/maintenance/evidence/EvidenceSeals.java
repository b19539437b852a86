package io.kiban.maintenance.evidence;

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
 * #15 item 7: every accepted or rejected evidence row carries the MAC of the audit entry that
 * decided it, and {@code GET /audit/verify} checks the row's status, decider, decision time and
 * file SHA-256s against that entry. A row turned ACCEPTED by an UPDATE in SQL (no audit entry, or
 * one copied from another) makes the audit invalid.
 */
@ApplicationScoped
public class EvidenceSeals implements SealedState {

    public static final String ACCEPT = "accept-evidence";
    public static final String REJECT = "reject-evidence";

    /** The audit entry that marks the one-off sealing of decisions made before V30. */
    static final String LEGACY_MARKER = "seal-legacy-evidence";

    private final EvidenceRepository evidence;
    private final EvidenceFileRepository files;
    private final AuditTrail audit;

    public EvidenceSeals(
            EvidenceRepository evidence, EvidenceFileRepository files, AuditTrail audit) {
        this.evidence = evidence;
        this.files = files;
        this.audit = audit;
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
     * Once per database (an audit entry {@value #LEGACY_MARKER} records it; replicas serialise on
     * the chain head): evidence decided before V30 gets a system audit entry sealing its decided
     * fields as they are now, and its MAC. Later rows without a MAC are never sealed here:
     * /audit/verify reports them.
     */
    @Transactional
    void sealLegacyDecisions(@Observes StartupEvent start) {
        var em = evidence.getEntityManager();
        em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        long done =
                em.createQuery("select count(e) from AuditEntry e where e.action = :a", Long.class)
                        .setParameter("a", LEGACY_MARKER)
                        .getSingleResult();
        if (done > 0) {
            return;
        }
        List<Evidence> legacy =
                evidence.list(
                        "status <> ?1 and auditMac is null order by id", Evidence.Status.SUBMITTED);
        for (Evidence e : legacy) {
            // sealed at commit, no version bump (the trigger lets an accepted row change only its
            // NULL audit_mac)
            audit.appendAs(
                            "system",
                            "legacy-seal",
                            "decision recorded before #15 item 7",
                            null,
                            "",
                            action(e.status),
                            "evidence",
                            e.id,
                            e.sealFields(files.of(e.id)))
                    .sealAtCommit("evidence", "audit_mac", "id", e.id);
        }
        audit.appendAs(
                "system",
                "legacy-seal",
                "decision recorded before #15 item 7",
                null,
                "",
                LEGACY_MARKER,
                "evidence",
                "V30",
                java.util.Map.of("sealed", legacy.stream().map(e -> e.id).toList()));
    }
}
