package io.kiban.lifecycle.lease;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.lifecycle.support.DecisionSeals;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7, R-LC-14: a closed lease month carries the MAC of the {@code close} audit entry; its
 * stored figures (the whole JSON), net payment and who closed it when are sealed, so a changed
 * amount in {@code lease_closed_month} is reported by {@code GET /audit/verify}.
 */
@Singleton // no client proxy: the base class holds final state
public class ClosedMonthSeals extends DecisionSeals<ClosedMonth> {

    public ClosedMonthSeals(EntityManager em, AuditTrail audit) {
        super(
                em,
                audit,
                ClosedMonth.class,
                "lease-period",
                Set.of("close"),
                "true = true order by r.month",
                "lease_closed_month",
                "month");
    }

    @Override
    protected Object idOf(ClosedMonth c) {
        return c.month;
    }

    @Override
    protected String actionOf(ClosedMonth c) {
        return "close";
    }

    @Override
    protected String macOf(ClosedMonth c) {
        return c.auditMac;
    }

    @Override
    protected Map<String, Object> fields(ClosedMonth c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("month", c.month);
        m.put("net", c.net);
        m.put("figures", c.figures);
        m.put("closedBy", c.closedBy);
        m.put("closedAt", at(c.closedAt));
        return m;
    }
}
