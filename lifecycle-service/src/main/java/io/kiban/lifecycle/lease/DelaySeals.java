package io.kiban.lifecycle.lease;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.lifecycle.support.DecisionSeals;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7, R-LC-14: an approved or rejected production-start delay carries the MAC of the audit
 * entry that decided it; its cause, window, status and approver are sealed.
 */
@Singleton // no client proxy: the base class holds final state
public class DelaySeals extends DecisionSeals<ProductionDelay> {

    public DelaySeals(EntityManager em, AuditTrail audit) {
        super(
                em,
                audit,
                ProductionDelay.class,
                "production-delay",
                Set.of("approve", "reject"),
                "r.status <> io.kiban.lifecycle.lease.ProductionDelay.Status.PROPOSED order by r.id",
                "production_delay",
                "id");
    }

    @Override
    protected Object idOf(ProductionDelay d) {
        return d.id;
    }

    @Override
    protected String actionOf(ProductionDelay d) {
        return d.status == ProductionDelay.Status.APPROVED ? "approve" : "reject";
    }

    @Override
    protected String macOf(ProductionDelay d) {
        return d.auditMac;
    }

    @Override
    protected Map<String, Object> fields(ProductionDelay d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id);
        m.put("status", name(d.status));
        m.put("cause", name(d.cause));
        m.put("startDate", d.startDate);
        m.put("endDate", d.endDate);
        m.put("recordedBy", d.recordedBy);
        m.put("recordedById", d.recordedById);
        m.put("approvedBy", d.approvedBy);
        m.put("approvedById", d.approvedById);
        m.put("approvedAt", at(d.approvedAt));
        return m;
    }
}
