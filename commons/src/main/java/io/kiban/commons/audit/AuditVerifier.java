package io.kiban.commons.audit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Recomputes the chain from the first entry and compares it with every replica's checkpoint (each
 * checkpoint's seq must still exist with the MAC it saw; the chain must reach the highest one).
 * Reads with a streaming JDBC cursor so a million entries take constant memory.
 */
@ApplicationScoped
@Startup
public class AuditVerifier {

    private static final Logger LOG = Logger.getLogger(AuditVerifier.class);
    private static final String SELECT =
            "SELECT seq, recorded_at, issuer, subject, roles, organisation, action,"
                    + " entity_type, entity_id, state_digest, mac, actor_name FROM audit_entry ORDER BY seq";

    private final AgroalDataSource dataSource;
    private final AuditTrail trail;
    private final AuditCheckpointStore checkpoints;
    private final Clock clock;
    private final String chain;
    private final AtomicInteger lastResult = new AtomicInteger(1);
    private final jakarta.enterprise.inject.Instance<SealedState> sealedStates;

    public AuditVerifier(
            AgroalDataSource dataSource,
            AuditTrail trail,
            AuditCheckpointStore checkpoints,
            Clock clock,
            AuditConfig config,
            MeterRegistry registry,
            jakarta.enterprise.inject.Instance<SealedState> sealedStates) {
        this.dataSource = dataSource;
        this.sealedStates = sealedStates;
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.chain = config.chainName();
        Gauge.builder("kiban_audit_chain_valid", lastResult, AtomicInteger::get)
                .description(
                        "1 when the last verification of the audit chain passed, 0 when it failed")
                .tag("chain", chain)
                // held strongly: a weakly held gauge reads NaN, and is left out of the scrape, once
                // its value object is collected (the smoke test once found the gauge missing)
                .strongReference(true)
                .register(registry);
    }

    @Scheduled(
            every = "${kiban.audit.verify-every:15m}",
            delayed = "30s",
            identity = "audit-verify",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        AuditVerification result = verify();
        if (!result.valid()) {
            LOG.errorf(
                    "audit chain %s FAILED verification at seq %s: %s; %d sealed-state violation(s) %s",
                    chain,
                    result.firstBadSeq(),
                    result.reason(),
                    result.sealViolations().size(),
                    result.sealViolations());
        }
    }

    /**
     * The chain, then every decided row of every {@link SealedState} bean (#15 item 7): valid only
     * when both hold.
     */
    public AuditVerification verify() {
        AuditVerification chainResult = verifyChain();
        List<SealViolation> violations = verifySeals();
        boolean valid = chainResult.valid() && violations.isEmpty();
        lastResult.set(valid ? 1 : 0);
        String reason = chainResult.reason();
        if (reason == null && !violations.isEmpty()) {
            reason =
                    violations.size()
                            + " decided row(s) differ from the audit entries that sealed them; first: "
                            + violations.get(0).reason();
        }
        return new AuditVerification(
                valid,
                chainResult.chain(),
                chainResult.entriesChecked(),
                chainResult.lastSeq(),
                chainResult.firstBadSeq(),
                reason,
                chainResult.checkpoint(),
                chainResult.verifiedAt(),
                violations);
    }

    /**
     * Checks every sealed row against the audit entry its MAC names (see {@link SealedState}). The
     * rows and the entries are read in one transaction, on one connection, so in one snapshot
     * (InnoDB's REPEATABLE READ read view is taken by the first read, {@link SealedState#seals}):
     * read in two, a decision committed between them (its row, its entry and its seal commit
     * together) showed as a false violation: the row's older MAC against the newer entry that
     * supersedes it ("the row was rolled back"), or the newer MAC against entries read before it.
     */
    List<SealViolation> verifySeals() {
        List<SealViolation> violations = new ArrayList<>();
        for (SealedState state : sealedStates) {
            violations.addAll(QuarkusTransaction.requiringNew().call(() -> verifySeals(state)));
        }
        return violations;
    }

    /** Within the caller's transaction: the connection is the one its reads use. */
    private List<SealViolation> verifySeals(SealedState state) {
        List<SealViolation> violations = new ArrayList<>();
        List<SealedState.Seal> seals = state.seals();
        try (Connection c = dataSource.getConnection();
                PreparedStatement byEntity =
                        c.prepareStatement(
                                "SELECT seq, action, state_digest, mac"
                                        + " FROM audit_entry WHERE entity_type = ? AND entity_id = ? ORDER BY seq");
                PreparedStatement byMac =
                        c.prepareStatement(
                                "SELECT seq, entity_type, entity_id, action FROM audit_entry WHERE mac = ? ORDER BY seq")) {
            for (SealedState.Seal seal : seals) {
                SealViolation violation = check(state, seal, byEntity, byMac);
                if (violation != null) {
                    violations.add(violation);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit chain: " + e.getMessage(), e);
        }
        return violations;
    }

    private static SealViolation violation(
            SealedState state, SealedState.Seal seal, Long seq, String reason) {
        return new SealViolation(state.entityType(), seal.entityId(), seal.action(), seq, reason);
    }

    private static SealViolation check(
            SealedState state,
            SealedState.Seal seal,
            PreparedStatement byEntity,
            PreparedStatement byMac)
            throws SQLException {
        String what = state.entityType() + " " + seal.entityId();
        if (seal.mac() == null || seal.mac().isBlank()) {
            return violation(
                    state,
                    seal,
                    null,
                    what
                            + " is decided ("
                            + seal.action()
                            + ") but carries no audit MAC: no audit entry decided it");
        }
        Long sealing = null;
        String sealingAction = null;
        String sealingDigest = null;
        Long superseding = null;
        String supersedingAction = null;
        byEntity.setString(1, state.entityType());
        byEntity.setString(2, seal.entityId());
        try (ResultSet rs = byEntity.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                String action = rs.getString(2);
                if (seal.mac().equals(rs.getString(4))) {
                    sealing = seq;
                    sealingAction = action;
                    sealingDigest = rs.getString(3);
                } else if (sealing != null && state.actions().contains(action)) {
                    superseding = seq;
                    supersedingAction = action;
                }
            }
        }
        if (sealing == null) {
            byMac.setString(1, seal.mac());
            try (ResultSet rs = byMac.executeQuery()) {
                if (rs.next()) {
                    return violation(
                            state,
                            seal,
                            rs.getLong(1),
                            what
                                    + " carries the MAC of audit entry "
                                    + rs.getLong(1)
                                    + " ("
                                    + rs.getString(4)
                                    + " of "
                                    + rs.getString(2)
                                    + " "
                                    + rs.getString(3)
                                    + "): a MAC copied from another entry");
                }
            }
            return violation(
                    state,
                    seal,
                    null,
                    what
                            + " carries a MAC that no audit entry has: its decision ("
                            + seal.action()
                            + ") was not recorded in the audit trail");
        }
        if (!seal.action().equals(sealingAction)) {
            return violation(
                    state,
                    seal,
                    sealing,
                    what
                            + " is in the state of "
                            + seal.action()
                            + " but its MAC is of audit entry "
                            + sealing
                            + " ("
                            + sealingAction
                            + "): the row was changed after the decision");
        }
        if (superseding != null) {
            return violation(
                    state,
                    seal,
                    sealing,
                    what
                            + " carries the MAC of audit entry "
                            + sealing
                            + " ("
                            + sealingAction
                            + ") but audit entry "
                            + superseding
                            + " ("
                            + supersedingAction
                            + ") decided it later: the row was rolled back");
        }
        if (!sealingDigest.equals(seal.digest())) {
            return violation(
                    state,
                    seal,
                    sealing,
                    what
                            + " differs from the decided fields audit entry "
                            + sealing
                            + " ("
                            + sealingAction
                            + ") sealed: the row was changed after the decision");
        }
        return null;
    }

    private AuditVerification verifyChain() {
        java.util.List<AuditCheckpoint> all = checkpoints.readAll();
        Optional<AuditCheckpoint> checkpoint = all.stream().findFirst();
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                // enlisted in the caller's transaction: its reads already share one snapshot
                return verifyChain(c, all, checkpoint);
            }
            // one snapshot for the head and the entries: read in two autocommit statements, a
            // transaction committing in between (entries and head together) made the entries run
            // past the head read before them, and the chain was reported "FAILED" under load
            // (asset-service's scheduled verification during bench/run.sh, 2026-12-06 14:53)
            c.setAutoCommit(false);
            try (java.sql.Statement snapshot = c.createStatement()) {
                snapshot.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
                return verifyChain(c, all, checkpoint);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit chain: " + e.getMessage(), e);
        }
    }

    private AuditVerification verifyChain(
            Connection c, java.util.List<AuditCheckpoint> all, Optional<AuditCheckpoint> checkpoint)
            throws SQLException {
        {
            String chainId;
            long headSeq;
            try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT chain_id, seq FROM audit_head WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return done(
                            false, 0, 0, 0L, "the chain head is missing", checkpoint.orElse(null));
                }
                chainId = rs.getString(1);
                headSeq = rs.getLong(2);
            }
            for (AuditCheckpoint cp : all) {
                if (!cp.chainId().equals(chainId)) {
                    return done(
                            false,
                            0,
                            0,
                            1L,
                            "the chain id "
                                    + chainId
                                    + " differs from the checkpoint's "
                                    + cp.chainId()
                                    + ": the chain was replaced",
                            cp);
                }
            }
            // entries below the format-2 marker were recorded in format 1 (see
            // AuditTrail#upgradeLegacyChain)
            long format2From = 1;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT MIN(seq) FROM audit_entry WHERE action = ?")) {
                ps.setString(1, AuditTrail.FORMAT_2_ACTION);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getObject(1) != null) {
                        format2From = rs.getLong(1);
                    }
                }
            }
            long expected = 1;
            String previousMac = AuditHead.GENESIS_MAC;
            java.util.Map<Long, String> macsAtCheckpoints = new java.util.HashMap<>();
            java.util.Set<Long> checkpointSeqs = new java.util.HashSet<>();
            all.forEach(cp -> checkpointSeqs.add(cp.seq()));
            try (PreparedStatement ps =
                    c.prepareStatement(
                            SELECT, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    AuditEntry e = new AuditEntry();
                    while (rs.next()) {
                        e.seq = rs.getLong(1);
                        Timestamp ts =
                                rs.getTimestamp(
                                        2,
                                        java.util.Calendar.getInstance(
                                                java.util.TimeZone.getTimeZone("UTC")));
                        e.recordedAt = ts.toInstant();
                        e.issuer = rs.getString(3);
                        e.subject = rs.getString(4);
                        e.roles = rs.getString(5);
                        e.organisation = rs.getString(6);
                        e.action = rs.getString(7);
                        e.entityType = rs.getString(8);
                        e.entityId = rs.getString(9);
                        e.stateDigest = rs.getString(10);
                        e.mac = rs.getString(11);
                        e.actorName = rs.getString(12);
                        if (e.seq != expected) {
                            String reason =
                                    e.seq > expected
                                            ? "entry "
                                                    + expected
                                                    + " is missing (the next entry present is "
                                                    + e.seq
                                                    + ")"
                                            : "entry " + e.seq + " is out of order";
                            return done(
                                    false,
                                    expected - 1,
                                    expected - 1,
                                    expected,
                                    reason,
                                    checkpoint.orElse(null));
                        }
                        if (!trail.recompute(chainId, previousMac, e, e.seq < format2From)
                                .equals(e.mac)) {
                            return done(
                                    false,
                                    expected - 1,
                                    expected - 1,
                                    e.seq,
                                    "entry "
                                            + e.seq
                                            + " does not match its MAC: it was altered or the chain was rewritten",
                                    checkpoint.orElse(null));
                        }
                        if (checkpointSeqs.contains(e.seq)) {
                            macsAtCheckpoints.put(e.seq, e.mac);
                        }
                        previousMac = e.mac;
                        expected++;
                    }
                }
            }
            long last = expected - 1;
            for (AuditCheckpoint cp : all) {
                if (last < cp.seq()) {
                    return done(
                            false,
                            last,
                            last,
                            last + 1,
                            "entries "
                                    + (last + 1)
                                    + "…"
                                    + cp.seq()
                                    + " are missing: the checkpoint of "
                                    + cp.at()
                                    + " saw the chain up to "
                                    + cp.seq(),
                            cp);
                }
                if (cp.seq() > 0 && !cp.mac().equals(macsAtCheckpoints.get(cp.seq()))) {
                    return done(
                            false,
                            last,
                            last,
                            cp.seq(),
                            "entry "
                                    + cp.seq()
                                    + " differs from the checkpoint: the chain was rewritten",
                            cp);
                }
            }
            if (headSeq != last) {
                return done(
                        false,
                        last,
                        last,
                        Math.min(headSeq, last) + 1,
                        "the chain head says " + headSeq + " entries but the chain ends at " + last,
                        checkpoint.orElse(null));
            }
            return done(true, last, last, null, null, checkpoint.orElse(null));
        }
    }

    private AuditVerification done(
            boolean valid, long checked, long last, Long bad, String reason, AuditCheckpoint cp) {
        return new AuditVerification(valid, chain, checked, last, bad, reason, cp, clock.instant());
    }
}
