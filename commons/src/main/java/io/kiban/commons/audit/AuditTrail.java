package io.kiban.commons.audit;

import io.kiban.commons.json.CanonicalJson;
import io.kiban.commons.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Appends one entry per state change, inside the business transaction that made the change, so
 * that a change and its audit entry commit or roll back together.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager em;
    private final Clock clock;
    private final Instance<Caller> caller;
    private final AuditMac mac;
    private final String chainName;

    public AuditTrail(EntityManager em, Clock clock, Instance<Caller> caller, AuditConfig config) {
        this.em = em;
        this.clock = clock;
        this.caller = caller;
        this.mac = new AuditMac(config.hmacKey());
        this.chainName = config.chainName();
    }

    /** Records that the current caller did {@code action} to an entity, now in state {@code newState}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(String action, String entityType, Object entityId, Object newState) {
        Caller who = currentCaller();
        if (who == null || who.isAnonymous()) {
            return appendAs("system", chainName, "system", null, "", action, entityType, entityId, newState);
        }
        return appendAs(who.issuer(), who.subject(), who.name(), who.organisation().orElse(null),
                String.join(",", who.roles()), action, entityType, entityId, newState);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry appendAs(String issuer, String subject, String name, String organisation, String roles,
            String action, String entityType, Object entityId, Object newState) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_head is missing: the audit chain cannot be extended");
        }
        AuditEntry entry = new AuditEntry();
        entry.seq = head.seq + 1;
        entry.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.issuer = issuer;
        entry.subject = subject;
        entry.actorName = name;
        entry.roles = roles;
        entry.organisation = organisation;
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = String.valueOf(entityId);
        entry.stateDigest = newState == null ? CanonicalJson.sha256("") : CanonicalJson.sha256(newState);
        entry.mac = mac.mac(head.mac, entry.canonical());
        em.persist(entry);
        head.seq = entry.seq;
        head.mac = entry.mac;
        return entry;
    }

    String recompute(String previousMac, AuditEntry entry) {
        return mac.mac(previousMac, entry.canonical());
    }

    private Caller currentCaller() {
        if (!caller.isResolvable()) {
            return null;
        }
        try {
            Caller c = caller.get();
            c.isAnonymous();
            return c;
        } catch (jakarta.enterprise.context.ContextNotActiveException e) {
            return null;
        }
    }
}
