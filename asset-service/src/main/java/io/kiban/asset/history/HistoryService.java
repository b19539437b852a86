package io.kiban.asset.history;

import io.kiban.asset.history.HistoryDtos.FieldChange;
import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Version;
import jakarta.transaction.Transactional;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;

/**
 * Sheet 10 (変更管理): the change history of any audited ledger entity, read from the Envers revisions
 * and compared field by field with the revision before.
 */
@ApplicationScoped
public class HistoryService {

    private final EntityManager em;

    public HistoryService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<RevisionView> history(Class<?> type, String what, long id) {
        AuditReader reader = AuditReaderFactory.get(em);
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                reader.createQuery()
                        .forRevisionsOfEntity(type, false, true)
                        .add(AuditEntity.id().eq(id))
                        .addOrder(AuditEntity.revisionNumber().asc())
                        .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound(what, id);
        }
        List<RevisionView> views = new ArrayList<>();
        Object previous = null;
        for (Object[] row : rows) {
            Object state = row[0];
            AssetRevision rev = (AssetRevision) row[1];
            RevisionType revType = (RevisionType) row[2];
            List<FieldChange> changes =
                    revType == RevisionType.DEL ? List.of() : diff(type, previous, state);
            views.add(
                    new RevisionView(
                            rev.id,
                            Instant.ofEpochMilli(rev.timestamp),
                            rev.subject,
                            rev.actorName,
                            switch (revType) {
                                case ADD -> "CREATED";
                                case MOD -> "UPDATED";
                                case DEL -> "DELETED";
                            },
                            changes));
            if (revType != RevisionType.DEL) {
                previous = state;
            }
        }
        return views;
    }

    public static List<FieldChange> diff(Class<?> type, Object before, Object after) {
        List<FieldChange> changes = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    || f.isAnnotationPresent(Version.class)
                    || f.isAnnotationPresent(jakarta.persistence.Transient.class)
                    || f.getName().startsWith("$$")) {
                continue;
            }
            try {
                f.setAccessible(true);
                Object from = before == null ? null : f.get(before);
                Object to = after == null ? null : f.get(after);
                if (!Objects.equals(from, to)) {
                    changes.add(new FieldChange(f.getName(), text(from), text(to)));
                }
            } catch (IllegalAccessException | RuntimeException e) {
                // a field Envers does not hold: not part of the history
            }
        }
        return changes;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
