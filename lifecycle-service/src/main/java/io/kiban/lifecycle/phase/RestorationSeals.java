package io.kiban.lifecycle.phase;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.lifecycle.support.DecisionSeals;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7, R-RM-1: a restoration checklist item JPO signed off carries the MAC of its {@code
 * sign} audit entry (entity id {@code ENV/ITEM}, as before); the vendor's note, who signed when and
 * the SHA-256 of every evidence file are sealed, so a signature written in SQL, or a photo swapped
 * after the signature, fails {@code GET /audit/verify}.
 */
@Singleton // no client proxy: the base class holds final state
public class RestorationSeals extends DecisionSeals<RestorationItem> {

    public RestorationSeals(EntityManager em, AuditTrail audit) {
        super(
                em,
                audit,
                RestorationItem.class,
                "restoration-item",
                Set.of("sign"),
                "r.signedAt is not null order by r.id",
                "restoration_item",
                "CONCAT(environment, '/', item_code)");
    }

    @Override
    protected Object idOf(RestorationItem i) {
        return i.environment.name() + "/" + i.itemCode;
    }

    /**
     * The seal's entity id is the expression ENV/ITEM; the MAC is written by the row's primary key.
     */
    @Override
    protected String keyColumn() {
        return "id";
    }

    @Override
    protected Object keyOf(RestorationItem i) {
        return i.id;
    }

    @Override
    protected String actionOf(RestorationItem i) {
        return "sign";
    }

    @Override
    protected String macOf(RestorationItem i) {
        return i.auditMac;
    }

    @Override
    protected Map<String, Object> fields(RestorationItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", name(i.environment));
        m.put("item", i.itemCode);
        m.put("vendorNote", i.vendorNote);
        m.put("vendorNoteBy", i.vendorNoteBy);
        m.put("signedBy", i.signedBy);
        m.put("signedAt", at(i.signedAt));
        List<String> files =
                em.createQuery(
                                "select e.fileSha256 from RestorationEvidence e where e.itemId = :id order by e.fileSha256",
                                String.class)
                        .setParameter("id", i.id)
                        .getResultList();
        m.put("evidenceSha256", files);
        return m;
    }
}
