package io.kiban.commons.audit;

import io.kiban.commons.json.CanonicalJson;
import io.kiban.commons.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;

/**
 * Appends one entry per state change, inside the business transaction that made the change, so that
 * a change and its audit entry commit or roll back together.
 *
 * <p>#16 §3: the chain head is taken last. {@link #append} computes everything that does not depend
 * on the chain position (who, when, what, the canonical JSON digest of the new state) at once and
 * queues the entry on the transaction; the transaction's entries are numbered and MACed in one
 * before-completion callback of the Hibernate session, registered the way Envers registers its own
 * and run after it (after the session's last flush and Envers' history inserts): {@code SELECT …
 * FOR UPDATE} of the head, one multi-row {@code INSERT} of the entries, one {@code UPDATE} of the
 * head, then the seals ({@link Appended#sealAtCommit}), then the commit. The head is thus locked
 * for three statements plus one per sealed row, not from the first append to the commit. A failure
 * there rolls the whole transaction back, as before.
 */
@ApplicationScoped
public class AuditTrail {

    /**
     * The action of the entry from which on the chain is in MAC format 2 (see {@link AuditMac}).
     */
    public static final String FORMAT_2_ACTION = "audit-format-2";

    /** Rows per multi-row INSERT when a transaction appends many entries (a bulk import). */
    static final int INSERT_CHUNK = 500;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final String INSERT =
            "INSERT INTO audit_entry (seq, recorded_at, issuer, subject, actor_name,"
                    + " roles, organisation, action, entity_type, entity_id, state_digest, mac) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final EntityManager em;
    private final Clock clock;
    private final Instance<Caller> caller;
    private final AuditMac mac;
    private final String chainName;
    private final TransactionSynchronizationRegistry registry;

    public AuditTrail(
            EntityManager em,
            Clock clock,
            Instance<Caller> caller,
            AuditConfig config,
            TransactionSynchronizationRegistry registry) {
        this.em = em;
        this.clock = clock;
        this.caller = caller;
        this.mac = new AuditMac(config.hmacKey());
        this.chainName = config.chainName();
        this.registry = registry;
    }

    /**
     * An entry queued on the current transaction. Its {@code seq} and {@code mac} are set when the
     * transaction commits (they depend on the chain position); a caller that must store the MAC on
     * a decided row ({@link SealedState}) asks for it with {@link #sealAtCommit}.
     */
    public static final class Appended {

        private final AuditEntry entry;
        private final List<String> seals = new ArrayList<>(0);
        private final List<Object> sealIds = new ArrayList<>(0);

        Appended(AuditEntry entry) {
            this.entry = entry;
        }

        public String action() {
            return entry.action;
        }

        public String entityType() {
            return entry.entityType;
        }

        public String entityId() {
            return entry.entityId;
        }

        public String stateDigest() {
            return entry.stateDigest;
        }

        /**
         * #15 item 7: when the transaction commits, {@code UPDATE table SET macColumn = <this
         * entry's MAC> WHERE idColumn = rowId}, in the same transaction, right after the entry is
         * inserted (native SQL: the row's version, its ETag, does not change). Answers {@code
         * null}, the value the managed row must carry until then: assign it ({@code row.auditMac =
         * audit.append(…).sealAtCommit(…)}) so that the row is flushed in its decided state without
         * a MAC and sealed at commit (a database rule that lets a decided row change only a NULL
         * MAC, as maintenance's evidence trigger does, accepts exactly that). The sealed row must
         * exist at commit.
         */
        public String sealAtCommit(String table, String macColumn, String idColumn, Object rowId) {
            for (String name : List.of(table, macColumn, idColumn)) {
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw new IllegalArgumentException("not an SQL identifier: " + name);
                }
            }
            seals.add("UPDATE " + table + " SET " + macColumn + " = ? WHERE " + idColumn + " = ?");
            sealIds.add(Objects.requireNonNull(rowId, "rowId"));
            return null;
        }
    }

    /**
     * Records that the current caller did {@code action} to an entity, now in state {@code
     * newState}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Appended append(String action, String entityType, Object entityId, Object newState) {
        Caller who = currentCaller();
        if (who == null || who.isAnonymous()) {
            return appendAs(
                    "system",
                    chainName,
                    "system",
                    null,
                    "",
                    action,
                    entityType,
                    entityId,
                    newState);
        }
        return appendAs(
                who.issuer(),
                who.subject(),
                who.name(),
                who.organisation().orElse(null),
                String.join(",", who.roles()),
                action,
                entityType,
                entityId,
                newState);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Appended appendAs(
            String issuer,
            String subject,
            String name,
            String organisation,
            String roles,
            String action,
            String entityType,
            Object entityId,
            Object newState) {
        AuditEntry entry = new AuditEntry();
        entry.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.issuer = issuer;
        entry.subject = subject;
        entry.actorName = name;
        entry.roles = roles;
        entry.organisation = organisation;
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = String.valueOf(entityId);
        entry.stateDigest =
                newState == null ? CanonicalJson.sha256("") : CanonicalJson.sha256(newState);
        Appended appended = new Appended(entry);
        pending().add(appended);
        return appended;
    }

    /**
     * #16 §3 step 3: many entries of one transaction (a bulk import of 10,000 rows), by the current
     * caller. Each item is {@code (action, entityType, entityId, newState)}; the digests are
     * computed now, the entries are inserted at commit in multi-row statements of {@value
     * #INSERT_CHUNK} rows, under one lock of the head.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Appended> appendAll(List<Item> items) {
        List<Appended> all = new ArrayList<>(items.size());
        for (Item item : items) {
            all.add(append(item.action(), item.entityType(), item.entityId(), item.newState()));
        }
        return all;
    }

    /**
     * #18: writes the entries queued on the current transaction so far, now: numbered, MACed,
     * inserted, the head moved on and their seals applied, exactly as at commit; later appends of
     * the transaction continue the chain from there. For a long transaction that appends an entry
     * per row (a bulk import of 10,000 rows), so that the queue does not grow with the rows. The
     * head stays locked from this call to the end of the transaction (the lock the commit would
     * take anyway), so call it only where that is wanted; rows sealed by a queued entry must be
     * flushed first. A rollback removes these entries with the rest of the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeQueued() {
        Pending pending = (Pending) registry.getResource(Pending.class);
        if (pending == null || pending.entries.isEmpty()) {
            return;
        }
        em.unwrap(SharedSessionContractImplementor.class).doWork(pending::write);
        pending.entries.clear();
    }

    /** One entry of {@link #appendAll}. */
    public record Item(String action, String entityType, Object entityId, Object newState) {}

    /**
     * The entries queued on the current transaction; the first one registers the before-completion
     * callback.
     */
    private List<Appended> pending() {
        @SuppressWarnings("unchecked")
        Pending pending = (Pending) registry.getResource(Pending.class);
        if (pending == null) {
            pending = new Pending();
            registry.putResource(Pending.class, pending);
            em.unwrap(SharedSessionContractImplementor.class)
                    .getTransactionCompletionCallbacks()
                    .registerCallback(pending);
        }
        return pending.entries;
    }

    /**
     * The transaction's queue. Hibernate runs the before-completion callbacks in the order
     * registered, polling a queue; ours re-registers itself once when first run, so that it runs
     * after every callback registered before the session's last flush (Envers' history inserts),
     * just before the commit.
     */
    private final class Pending implements TransactionCompletionCallbacks.BeforeCompletionCallback {

        final List<Appended> entries = new ArrayList<>();
        boolean deferred;

        @Override
        public void doBeforeTransactionCompletion(SharedSessionContractImplementor session) {
            if (!deferred) {
                deferred = true;
                session.getTransactionCompletionCallbacks().registerCallback(this);
                return;
            }
            if (entries.isEmpty()) {
                return;
            }
            session.doWork(this::write);
        }

        private void write(Connection c) throws SQLException {
            String chainId;
            String previous;
            long seq;
            try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT chain_id, seq, mac FROM audit_head WHERE id = 1 FOR UPDATE");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(
                            "audit_head is missing: the audit chain cannot be extended");
                }
                chainId = rs.getString(1);
                seq = rs.getLong(2);
                previous = rs.getString(3);
            }
            for (Appended a : entries) {
                a.entry.seq = ++seq;
                a.entry.mac = mac.mac(chainId, previous, a.entry.fields());
                previous = a.entry.mac;
            }
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            for (int from = 0; from < entries.size(); from += INSERT_CHUNK) {
                List<Appended> chunk =
                        entries.subList(from, Math.min(entries.size(), from + INSERT_CHUNK));
                StringBuilder sql =
                        new StringBuilder(INSERT.length() + chunk.size() * (ROW.length() + 2))
                                .append(INSERT);
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append(ROW);
                }
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int p = 1;
                    for (Appended a : chunk) {
                        AuditEntry e = a.entry;
                        ps.setLong(p++, e.seq);
                        ps.setTimestamp(p++, Timestamp.from(e.recordedAt), utc);
                        ps.setString(p++, e.issuer);
                        ps.setString(p++, e.subject);
                        ps.setString(p++, e.actorName);
                        ps.setString(p++, e.roles);
                        ps.setString(p++, e.organisation);
                        ps.setString(p++, e.action);
                        ps.setString(p++, e.entityType);
                        ps.setString(p++, e.entityId);
                        ps.setString(p++, e.stateDigest);
                        ps.setString(p++, e.mac);
                    }
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE audit_head SET seq = ?, mac = ? WHERE id = 1")) {
                ps.setLong(1, seq);
                ps.setString(2, previous);
                ps.executeUpdate();
            }
            for (Appended a : entries) {
                for (int i = 0; i < a.seals.size(); i++) {
                    try (PreparedStatement ps = c.prepareStatement(a.seals.get(i))) {
                        ps.setString(1, a.entry.mac);
                        ps.setObject(2, a.sealIds.get(i));
                        if (ps.executeUpdate() != 1) {
                            throw new IllegalStateException(
                                    "the row "
                                            + a.sealIds.get(i)
                                            + " sealed by audit entry "
                                            + a.entry.seq
                                            + " ("
                                            + a.entry.action
                                            + " of "
                                            + a.entry.entityType
                                            + " "
                                            + a.entry.entityId
                                            + ") was not found: "
                                            + a.seals.get(i));
                        }
                    }
                }
            }
        }
    }

    /** The MAC the entry must carry: format 2 unless it was recorded before the chain's upgrade. */
    String recompute(String chainId, String previousMac, AuditEntry entry, boolean legacy) {
        return legacy
                ? mac.legacy(previousMac, entry.canonical())
                : mac.mac(chainId, previousMac, entry.fields());
    }

    /**
     * A chain whose entries were recorded in format 1 (before the chain id and length prefixes were
     * in the MAC) gets one {@link #FORMAT_2_ACTION} entry, itself in format 2: the verifier checks
     * the entries below it in format 1 and every later one in format 2. Removing or moving the
     * marker breaks the chain either way. A new chain, or one already upgraded, is left alone.
     * Replicas serialise on the head lock.
     */
    @Transactional
    public void upgradeLegacyChain() {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null || head.seq == 0) {
            return;
        }
        Long marker =
                em.createQuery(
                                "select min(e.seq) from AuditEntry e where e.action = :a",
                                Long.class)
                        .setParameter("a", FORMAT_2_ACTION)
                        .getSingleResult();
        if (marker != null) {
            return;
        }
        AuditEntry first = em.find(AuditEntry.class, 1L);
        if (first == null
                || mac.mac(head.chainId, AuditHead.GENESIS_MAC, first.fields()).equals(first.mac)) {
            return;
        }
        appendAs(
                "system",
                chainName,
                "system",
                null,
                "",
                FORMAT_2_ACTION,
                "audit-chain",
                head.chainId,
                java.util.Map.of("format", 2, "legacyEntries", head.seq));
    }

    private Caller currentCaller() {
        if (!caller.isResolvable()) {
            return null;
        }
        try {
            Caller c = caller.get();
            c.isAnonymous();
            return c;
        } catch (jakarta.enterprise.context.ContextNotActiveException e) {
            return null;
        }
    }
}
