package io.kiban.lifecycle.archive;

import io.kiban.commons.audit.AuditTrail;
import io.kiban.lifecycle.support.DecisionSeals;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * #15 item 7, R-RM-4: a received archive carries the MAC of its {@code receipt} audit entry; the
 * archive (SHA-256, size, entries, file), the SHA-256 JPO computed and who recorded the receipt
 * when are sealed.
 */
@Singleton // no client proxy: the base class holds final state
public class ArchiveSeals extends DecisionSeals<Archive> {

    public ArchiveSeals(EntityManager em, AuditTrail audit) {
        super(
                em,
                audit,
                Archive.class,
                "archive",
                Set.of("receipt"),
                "r.receivedAt is not null order by r.id",
                "archive",
                "id");
    }

    @Override
    protected Object idOf(Archive a) {
        return a.id;
    }

    @Override
    protected String actionOf(Archive a) {
        return "receipt";
    }

    @Override
    protected String macOf(Archive a) {
        return a.auditMac;
    }

    @Override
    protected Map<String, Object> fields(Archive a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id);
        m.put("fileName", a.fileName);
        m.put("sha256", a.sha256);
        m.put("size", a.size);
        m.put("entries", a.entries);
        m.put("createdBy", a.createdBy);
        m.put("createdAt", at(a.createdAt));
        m.put("receivedSha256", a.receivedSha256);
        m.put("receivedBy", a.receivedBy);
        m.put("receivedAt", at(a.receivedAt));
        return m;
    }
}
