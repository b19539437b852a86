package io.kiban.asset.bulk;

import io.kiban.asset.history.AssetRevision;
import io.kiban.asset.history.AssetRevisionListener;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.envers.Audited;
import org.hibernate.envers.event.spi.EnversListener;
import org.hibernate.event.service.spi.EventListenerGroup;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * #18: the Envers history of a bulk import, written chunk by chunk instead of held until the
 * commit.
 *
 * <p>Envers keeps a work unit, with a map of the row's state, for every entity a transaction
 * writes, until the transaction ends (its {@code AuditProcess}); for a 10,000-row import that is
 * about 6 KiB a row of live heap. A transaction that called {@link #begin} instead records only the
 * id and the kind of change (add, modify) of each audited entity that is flushed, and {@link
 * #write} copies the chunk's rows into their {@code _aud} tables, set-based: {@code INSERT INTO
 * hardware_aud (rev, revtype, …) SELECT ?, ?, … FROM hardware WHERE id IN (…)}, the flushed state
 * being the state at this point of the transaction. All of them under one revision of the import,
 * stamped like Envers' own ({@link AssetRevisionListener}). The result is what Envers writes for
 * the same transaction: one row per entity and revision, {@code revtype} 0 for an entity the
 * transaction created (whatever later chunks change: the row is brought up to date, its revtype
 * kept), 1 for one it changed, with the entity's state at the commit, since the importer writes
 * after its last flush.
 *
 * <p>How: Envers' listeners, as registered by Hibernate, are wrapped at start (the conditional
 * auditing Envers' guide describes: listeners that decide, per event, whether Envers sees it);
 * every other transaction goes to Envers unchanged. An audited entity deleted, or an audited
 * collection changed, in such a transaction is an error (the import does neither; its history would
 * be lost otherwise): the transaction rolls back. The {@code _aud} columns are read from the schema
 * Flyway made; every one but {@code rev}/{@code revtype} must be a column of the entity's table,
 * with the same name, as Envers maps them.
 */
@ApplicationScoped
class BulkHistory {

    static final byte ADD = 0;
    static final byte MOD = 1;

    private final EntityManager em;
    private final SessionFactory sessionFactory;
    private final TransactionSynchronizationRegistry registry;
    private final Map<String, AuditedTable> tables = new ConcurrentHashMap<>();

    BulkHistory(
            EntityManager em,
            SessionFactory sessionFactory,
            TransactionSynchronizationRegistry registry) {
        this.em = em;
        this.sessionFactory = sessionFactory;
        this.registry = registry;
    }

    /** The audited changes of one import's transaction not yet written, and its revision. */
    private static final class Changes {
        final Map<String, Map<Object, Byte>> byTable = new LinkedHashMap<>();
        Integer revision;

        boolean isEmpty() {
            return byTable.values().stream().allMatch(Map::isEmpty);
        }
    }

    /**
     * The {@code _aud} table of an entity's table: the copy's statement up to its id list, and its
     * {@code ON DUPLICATE KEY UPDATE} clause (a row the import added, changed by a later chunk).
     */
    private record AuditedTable(String table, String insertSelect, String onDuplicate) {

        static AuditedTable of(String table, List<String> columns) {
            String list = String.join(", ", columns);
            StringBuilder update = new StringBuilder();
            for (String column : columns) {
                if (!column.equals("id")) {
                    update.append(update.isEmpty() ? "" : ", ")
                            .append(column)
                            .append(" = VALUES(")
                            .append(column)
                            .append(')');
                }
            }
            return new AuditedTable(
                    table,
                    "INSERT INTO "
                            + table
                            + "_aud (rev, revtype, "
                            + list
                            + ") SELECT ?, ?, "
                            + list
                            + " FROM "
                            + table
                            + " WHERE id IN (",
                    ") ON DUPLICATE KEY UPDATE " + update);
        }
    }

    void install(@Observes StartupEvent started) {
        EventListenerRegistry listeners =
                sessionFactory.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
        wrap(
                listeners.getEventListenerGroup(EventType.POST_INSERT),
                envers ->
                        new PostInsertEventListener() {
                            @Override
                            public void onPostInsert(org.hibernate.event.spi.PostInsertEvent e) {
                                Changes c = changes();
                                if (c == null) {
                                    envers.onPostInsert(e);
                                } else {
                                    record(c, e.getPersister(), e.getId(), ADD);
                                }
                            }

                            @Override
                            public boolean requiresPostCommitHandling(EntityPersister p) {
                                return envers.requiresPostCommitHandling(p);
                            }
                        });
        wrap(
                listeners.getEventListenerGroup(EventType.PRE_UPDATE),
                envers -> e -> changes() == null && envers.onPreUpdate(e));
        wrap(
                listeners.getEventListenerGroup(EventType.POST_UPDATE),
                envers ->
                        new PostUpdateEventListener() {
                            @Override
                            public void onPostUpdate(org.hibernate.event.spi.PostUpdateEvent e) {
                                Changes c = changes();
                                if (c == null) {
                                    envers.onPostUpdate(e);
                                } else {
                                    record(c, e.getPersister(), e.getId(), MOD);
                                }
                            }

                            @Override
                            public boolean requiresPostCommitHandling(EntityPersister p) {
                                return envers.requiresPostCommitHandling(p);
                            }
                        });
        wrap(
                listeners.getEventListenerGroup(EventType.POST_DELETE),
                envers ->
                        new PostDeleteEventListener() {
                            @Override
                            public void onPostDelete(org.hibernate.event.spi.PostDeleteEvent e) {
                                if (changes() == null) {
                                    envers.onPostDelete(e);
                                } else if (audited(e.getPersister())) {
                                    throw unsupported("deleted", e.getPersister().getEntityName());
                                }
                            }

                            @Override
                            public boolean requiresPostCommitHandling(EntityPersister p) {
                                return envers.requiresPostCommitHandling(p);
                            }
                        });
        wrap(
                listeners.getEventListenerGroup(EventType.PRE_COLLECTION_UPDATE),
                envers ->
                        (PreCollectionUpdateEventListener)
                                e -> collection(e, () -> envers.onPreUpdateCollection(e)));
        wrap(
                listeners.getEventListenerGroup(EventType.PRE_COLLECTION_REMOVE),
                envers ->
                        (PreCollectionRemoveEventListener)
                                e -> collection(e, () -> envers.onPreRemoveCollection(e)));
        wrap(
                listeners.getEventListenerGroup(EventType.POST_COLLECTION_RECREATE),
                envers ->
                        (PostCollectionRecreateEventListener)
                                e -> collection(e, () -> envers.onPostRecreateCollection(e)));
    }

    /** Replaces each of Envers' listeners of {@code group} by {@code wrapper} of it, in place. */
    private static <T> void wrap(EventListenerGroup<T> group, UnaryOperator<T> wrapper) {
        List<T> all = new ArrayList<>();
        group.listeners().forEach(all::add);
        if (all.stream().noneMatch(EnversListener.class::isInstance)) {
            return;
        }
        group.clearListeners();
        for (T listener : all) {
            group.appendListener(
                    listener instanceof EnversListener ? wrapper.apply(listener) : listener);
        }
    }

    private void collection(AbstractCollectionEvent e, Runnable envers) {
        if (changes() == null) {
            envers.run();
            return;
        }
        Object owner = e.getAffectedOwnerOrNull();
        if (owner != null && owner.getClass().isAnnotationPresent(Audited.class)) {
            throw unsupported("changed a collection of", e.getAffectedOwnerEntityName());
        }
    }

    private static IllegalStateException unsupported(String what, String entity) {
        return new IllegalStateException(
                "a bulk import "
                        + what
                        + " "
                        + entity
                        + ": its history is written chunk by chunk and records additions and"
                        + " changes of audited rows only");
    }

    /** The current transaction's changes when it is a bulk import's, else {@code null}. */
    private Changes changes() {
        try {
            return (Changes) registry.getResource(Changes.class);
        } catch (IllegalStateException noTransaction) {
            return null;
        }
    }

    private static boolean audited(EntityPersister persister) {
        return persister.getMappedClass().isAnnotationPresent(Audited.class);
    }

    private static void record(Changes c, EntityPersister persister, Object id, byte type) {
        if (!audited(persister)) {
            return;
        }
        Table table = persister.getMappedClass().getAnnotation(Table.class);
        if (table == null || table.name().isEmpty()) {
            throw new IllegalStateException(
                    persister.getEntityName() + " is audited but names no @Table");
        }
        Map<Object, Byte> ids = c.byTable.computeIfAbsent(table.name(), t -> new LinkedHashMap<>());
        // created and then changed in the same chunk: still an addition
        ids.merge(id, type, (was, now) -> was);
    }

    /**
     * From here to its end, the current transaction's audited changes are recorded for {@link
     * #write}, not kept by Envers. Its commit fails if some were not written.
     */
    void begin() {
        Changes changes = new Changes();
        registry.putResource(Changes.class, changes);
        registry.registerInterposedSynchronization(
                new jakarta.transaction.Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        if (!changes.isEmpty()) {
                            throw new IllegalStateException(
                                    "the bulk import's last changes were flushed but their history"
                                            + " was not written: rolled back");
                        }
                    }

                    @Override
                    public void afterCompletion(int status) {
                        // nothing held beyond the transaction
                    }
                });
    }

    /**
     * Writes the history of what the current transaction flushed since the last call, under the
     * import's revision (made on the first call that has something to write). Call after a flush.
     */
    void write() {
        Changes c = changes();
        if (c == null) {
            throw new IllegalStateException("not a bulk import's transaction: call begin() first");
        }
        if (c.isEmpty()) {
            return;
        }
        if (c.revision == null) {
            AssetRevision revision = new AssetRevision();
            new AssetRevisionListener().newRevision(revision);
            revision.timestamp = System.currentTimeMillis();
            em.persist(revision);
            em.flush();
            c.revision = revision.id;
        }
        int revision = c.revision;
        em.unwrap(Session.class)
                .doWork(
                        connection -> {
                            for (Map.Entry<String, Map<Object, Byte>> t : c.byTable.entrySet()) {
                                AuditedTable audited = audited(connection, t.getKey());
                                for (byte type : new byte[] {ADD, MOD}) {
                                    List<Object> ids = new ArrayList<>();
                                    t.getValue()
                                            .forEach(
                                                    (id, kind) -> {
                                                        if (kind == type) {
                                                            ids.add(id);
                                                        }
                                                    });
                                    copy(connection, audited, revision, type, ids);
                                }
                            }
                        });
        c.byTable.values().forEach(Map::clear);
    }

    private static void copy(
            Connection connection, AuditedTable t, int revision, byte type, List<Object> ids)
            throws SQLException {
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Object> slice = ids.subList(from, Math.min(ids.size(), from + 1000));
            String marks = "?, ".repeat(slice.size() - 1) + "?";
            String sql = t.insertSelect() + marks + t.onDuplicate();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setInt(1, revision);
                ps.setByte(2, type);
                for (int i = 0; i < slice.size(); i++) {
                    ps.setObject(i + 3, slice.get(i));
                }
                ps.executeUpdate();
            }
            // every row flushed has its history row now (whatever the driver counts as affected)
            String check =
                    "SELECT COUNT(*) FROM "
                            + t.table()
                            + "_aud WHERE rev = ? AND id IN ("
                            + marks
                            + ")";
            try (PreparedStatement ps = connection.prepareStatement(check)) {
                ps.setInt(1, revision);
                for (int i = 0; i < slice.size(); i++) {
                    ps.setObject(i + 2, slice.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) != slice.size()) {
                        throw new IllegalStateException(
                                t.table()
                                        + ": "
                                        + slice.size()
                                        + " rows flushed but "
                                        + rs.getLong(1)
                                        + " have their history");
                    }
                }
            }
        }
    }

    /** The columns {@code table}'s history copies, read once from the schema. */
    private AuditedTable audited(Connection connection, String table) throws SQLException {
        AuditedTable known = tables.get(table);
        if (known != null) {
            return known;
        }
        List<String> history = columns(connection, table + "_aud");
        List<String> current = columns(connection, table);
        List<String> copied = new ArrayList<>();
        for (String column : history) {
            if (column.equals("rev") || column.equals("revtype")) {
                continue;
            }
            if (!current.contains(column)) {
                throw new IllegalStateException(
                        table + "_aud." + column + " is not a column of " + table);
            }
            copied.add(column);
        }
        if (!copied.contains("id") || !history.contains("rev") || !history.contains("revtype")) {
            throw new IllegalStateException(table + "_aud is not an Envers table keyed by id, rev");
        }
        AuditedTable t = AuditedTable.of(table, copied);
        tables.put(table, t);
        return t;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps =
                connection.prepareStatement(
                        "SELECT column_name FROM information_schema.columns"
                                + " WHERE table_schema = DATABASE() AND table_name = ?"
                                + " ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no table " + table + " in the schema");
        }
        return names;
    }
}
