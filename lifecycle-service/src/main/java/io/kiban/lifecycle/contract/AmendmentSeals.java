package io.kiban.lifecycle.contract;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.lifecycle.support.DecisionSeals;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7, R-SEC-2: an approved or rejected contract amendment carries the MAC of the audit
 * entry that decided it; the proposal (the amended contract), its base version, status and who
 * decided it when are sealed.
 */
@Singleton // no client proxy: the base class holds final state
public class AmendmentSeals extends DecisionSeals<ContractAmendment> {

    public AmendmentSeals(EntityManager em, AuditTrail audit) {
        super(
                em,
                audit,
                ContractAmendment.class,
                "contract-amendment",
                Set.of("approve", "reject"),
                "r.status <> io.kiban.lifecycle.contract.ContractAmendment.Status.PROPOSED order by r.id",
                "contract_amendment",
                "id");
    }

    @Override
    protected Object idOf(ContractAmendment a) {
        return a.id;
    }

    @Override
    protected String actionOf(ContractAmendment a) {
        return a.status == ContractAmendment.Status.APPROVED ? "approve" : "reject";
    }

    @Override
    protected String macOf(ContractAmendment a) {
        return a.auditMac;
    }

    @Override
    protected Map<String, Object> fields(ContractAmendment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id);
        m.put("status", name(a.status));
        m.put("baseVersion", a.baseVersion);
        m.put("proposal", a.proposal);
        m.put("reason", a.reason);
        m.put("proposedBy", a.proposedBy);
        m.put("proposedById", a.proposedById);
        m.put("decidedBy", a.decidedBy);
        m.put("decidedById", a.decidedById);
        m.put("decidedAt", at(a.decidedAt));
        return m;
    }
}
