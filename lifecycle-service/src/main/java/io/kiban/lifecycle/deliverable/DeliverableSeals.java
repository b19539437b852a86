package io.kiban.lifecycle.deliverable;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.lifecycle.support.DecisionSeals;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7, R-LC-5…R-LC-13: an approved or returned deliverable (the security confirmation 確認書類
 * included) carries the MAC of the audit entry that decided it; the file reviewed (SHA-256, name),
 * its submitter, the status and who reviewed it when are sealed, so a deliverable turned APPROVED
 * in SQL or a file swapped under an approval is reported by {@code GET /audit/verify}.
 */
@Singleton // no client proxy: the base class holds final state
class DeliverableSeals extends DecisionSeals<Deliverable> {

    public DeliverableSeals(EntityManager em, AuditTrail audit) {
        super(
                em,
                audit,
                Deliverable.class,
                "deliverable",
                Set.of("approve", "return"),
                "r.status in (io.kiban.lifecycle.deliverable.Deliverable.Status.APPROVED,"
                        + " io.kiban.lifecycle.deliverable.Deliverable.Status.RETURNED) order by r.id",
                "deliverable",
                "id");
    }

    @Override
    protected Object idOf(Deliverable d) {
        return d.id;
    }

    @Override
    protected String actionOf(Deliverable d) {
        return d.status == Deliverable.Status.APPROVED ? "approve" : "return";
    }

    @Override
    protected String macOf(Deliverable d) {
        return d.auditMac;
    }

    @Override
    protected Map<String, Object> fields(Deliverable d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id);
        m.put("kind", name(d.kind));
        m.put("status", name(d.status));
        m.put("fileSha256", d.fileSha256);
        m.put("fileName", d.fileName);
        m.put("submittedOn", d.submittedOn);
        m.put("submittedBy", d.submittedBy);
        m.put("submittedById", d.submittedById);
        m.put("reviewedBy", d.reviewedBy);
        m.put("reviewedById", d.reviewedById);
        m.put("reviewedAt", at(d.reviewedAt));
        m.put("returnReason", d.returnReason);
        return m;
    }
}
