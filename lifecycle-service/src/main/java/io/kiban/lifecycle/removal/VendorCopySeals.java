package io.kiban.lifecycle.removal;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.lifecycle.support.DecisionSeals;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7, R-RM-4: a vendor copy JPO confirmed carries the MAC of its {@code confirm} audit
 * entry; the copy, its disposition, who recorded and confirmed it when, and the SHA-256 of every
 * evidence file are sealed, so neither a changed disposition nor a swapped or added evidence file
 * after the confirmation goes unseen by {@code GET /audit/verify}.
 */
@Singleton // no client proxy: the base class holds final state
public class VendorCopySeals extends DecisionSeals<VendorCopy> {

    public VendorCopySeals(EntityManager em, AuditTrail audit) {
        super(
                em,
                audit,
                VendorCopy.class,
                "vendor-copy",
                Set.of("confirm"),
                "r.status = io.kiban.lifecycle.removal.VendorCopy.Status.CONFIRMED order by r.id",
                "vendor_copy",
                "id");
    }

    @Override
    protected Object idOf(VendorCopy c) {
        return c.id;
    }

    @Override
    protected String actionOf(VendorCopy c) {
        return "confirm";
    }

    @Override
    protected String macOf(VendorCopy c) {
        return c.auditMac;
    }

    @Override
    protected Map<String, Object> fields(VendorCopy c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id);
        m.put("organisation", c.organisation);
        m.put("kind", name(c.kind));
        m.put("description", c.description);
        m.put("holder", c.holder);
        m.put("status", name(c.status));
        m.put("recordedBy", c.recordedBy);
        m.put("disposition", name(c.disposition));
        m.put("dispositionNote", c.dispositionNote);
        m.put("disposedBy", c.disposedBy);
        m.put("disposedAt", at(c.disposedAt));
        m.put("confirmedBy", c.confirmedBy);
        m.put("confirmedAt", at(c.confirmedAt));
        List<String> files =
                em.createQuery(
                                "select e.fileSha256 from VendorCopyEvidence e where e.copyId = :id order by e.fileSha256",
                                String.class)
                        .setParameter("id", c.id)
                        .getResultList();
        m.put("evidenceSha256", files);
        return m;
    }
}
