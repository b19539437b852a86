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

    /** The action of the entry from which on the chain is in MAC format 2 (see {@link AuditMac}). */
    public static final String FORMAT_2_ACTION = "audit-format-2";

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
        entry.mac = mac.mac(head.chainId, head.mac, entry.fields());
        em.persist(entry);
        head.seq = entry.seq;
        head.mac = entry.mac;
        return entry;
    }

    /** The MAC the entry must carry: format 2 unless it was recorded before the chain's upgrade. */
    String recompute(String chainId, String previousMac, AuditEntry entry, boolean legacy) {
        return legacy ? mac.legacy(previousMac, entry.canonical()) : mac.mac(chainId, previousMac, entry.fields());
    }

    /**
     * A chain whose entries were recorded in format 1 (before the chain id and length prefixes were in
     * the MAC) gets one {@link #FORMAT_2_ACTION} entry, itself in format 2: the verifier checks the entries
     * below it in format 1 and every later one in format 2. Removing or moving the marker breaks the chain
     * either way. A new chain, or one already upgraded, is left alone. Replicas serialise on the head lock.
     */
    @Transactional
    public void upgradeLegacyChain() {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null || head.seq == 0) {
            return;
        }
        Long marker = em.createQuery("select min(e.seq) from AuditEntry e where e.action = :a", Long.class)
                .setParameter("a", FORMAT_2_ACTION).getSingleResult();
        if (marker != null) {
            return;
        }
        AuditEntry first = em.find(AuditEntry.class, 1L);
        if (first == null || mac.mac(head.chainId, AuditHead.GENESIS_MAC, first.fields()).equals(first.mac)) {
            return;
        }
        appendAs("system", chainName, "system", null, "", FORMAT_2_ACTION, "audit-chain", head.chainId,
                java.util.Map.of("format", 2, "legacyEntries", head.seq));
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
