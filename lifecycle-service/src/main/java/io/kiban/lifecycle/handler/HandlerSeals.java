package io.kiban.lifecycle.handler;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.lifecycle.support.DecisionSeals;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7, R-SEC-1: an approved, rejected or removed handler carries the MAC of the audit entry
 * that decided it ({@code approve}, {@code approve-change}, {@code reject} or {@code remove}); the
 * entry seals the entry's data, the Keycloak account, the status and who decided it when. An {@code
 * UPDATE approved_handler SET status='APPROVED'} or a changed account or approver is reported by
 * {@code GET /audit/verify}.
 */
@Singleton // no client proxy: the base class holds final state
public class HandlerSeals extends DecisionSeals<ApprovedHandler> {

    public HandlerSeals(EntityManager em, AuditTrail audit) {
        super(
                em,
                audit,
                ApprovedHandler.class,
                "approved-handler",
                Set.of("approve", "approve-change", "reject", "remove"),
                "r.status <> io.kiban.lifecycle.handler.ApprovedHandler.Status.PROPOSED order by r.id",
                "approved_handler",
                "id");
    }

    @Override
    protected Object idOf(ApprovedHandler h) {
        return h.id;
    }

    @Override
    protected String actionOf(ApprovedHandler h) {
        return switch (h.status) {
            case APPROVED -> "approve-change".equals(h.auditAction) ? "approve-change" : "approve";
            case REJECTED -> "reject";
            case REMOVED -> "remove";
            case PROPOSED ->
                    throw new IllegalArgumentException("a proposed handler is not decided");
        };
    }

    @Override
    protected String macOf(ApprovedHandler h) {
        return h.auditMac;
    }

    /** Seals the decision and stores its MAC and action on the entry. */
    public void decide(String action, ApprovedHandler h) {
        h.auditAction = action;
        h.auditMac = seal(action, h);
    }

    @Override
    protected Map<String, Object> fields(ApprovedHandler h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id);
        m.put("status", name(h.status));
        m.put("name", h.name);
        m.put("address", h.address);
        m.put("dateOfBirth", h.dateOfBirth);
        m.put("department", h.department);
        m.put("position", h.position);
        m.put("organisation", h.organisation);
        m.put("role", h.role);
        m.put("affiliation", h.affiliation);
        m.put("expertise", h.expertise);
        m.put("nationality", h.nationality);
        m.put("trackRecord", h.trackRecord);
        m.put("accountId", h.accountId);
        m.put("proposedBy", h.proposedBy);
        m.put("decidedBy", h.decidedBy);
        m.put("decidedAt", at(h.decidedAt));
        m.put("removedBy", h.removedBy);
        m.put("removedAt", at(h.removedAt));
        return m;
    }
}
