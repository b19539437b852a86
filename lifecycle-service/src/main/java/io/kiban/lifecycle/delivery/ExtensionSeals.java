package io.kiban.lifecycle.delivery;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.lifecycle.support.DecisionSeals;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7, R-LC-3: an approved or rejected delivery extension carries the MAC of the audit entry
 * that decided it; its line, new date, cause, status and who decided it when are sealed (an
 * approval back-dated or a new date changed in SQL is reported by {@code GET /audit/verify}).
 */
@Singleton // no client proxy: the base class holds final state
public class ExtensionSeals extends DecisionSeals<DeliveryExtension> {

    public ExtensionSeals(EntityManager em, AuditTrail audit) {
        super(
                em,
                audit,
                DeliveryExtension.class,
                "delivery-extension",
                Set.of("approve", "reject"),
                "r.status <> io.kiban.lifecycle.delivery.DeliveryExtension.Status.PROPOSED order by r.id",
                "delivery_extension",
                "id");
    }

    @Override
    protected Object idOf(DeliveryExtension e) {
        return e.id;
    }

    @Override
    protected String actionOf(DeliveryExtension e) {
        return e.status == DeliveryExtension.Status.APPROVED ? "approve" : "reject";
    }

    @Override
    protected String macOf(DeliveryExtension e) {
        return e.auditMac;
    }

    @Override
    protected Map<String, Object> fields(DeliveryExtension e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id);
        m.put("status", name(e.status));
        m.put("environment", name(e.environment));
        m.put("baselineItem", e.baselineItem);
        m.put("cause", name(e.cause));
        m.put("explanation", e.explanation);
        m.put("newDate", e.newDate);
        m.put("proposedBy", e.proposedBy);
        m.put("proposedById", e.proposedById);
        m.put("decidedBy", e.decidedBy);
        m.put("decidedById", e.decidedById);
        m.put("decidedAt", at(e.decidedAt));
        return m;
    }
}
