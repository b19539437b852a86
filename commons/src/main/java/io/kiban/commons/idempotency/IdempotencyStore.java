package io.kiban.commons.idempotency;

import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The database side of idempotency: claim a key, complete it with a response, release it. */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    /**
     * How long a claim waits for a lock held by another transaction: see {@link
     * #claimInTransaction}.
     */
    static final int CLAIM_WAIT_SECONDS = 1;

    /** A claimed key (run the request) or a stored response (replay it). */
    public record Claim(String caller, String key, String token, StoredResponse replay) {
        boolean isReplay() {
            return replay != null;
        }
    }

    public record StoredResponse(int status, String contentType, String headers, String body) {}

    private final EntityManager em;
    private final Clock clock;
    private final IdempotencyConfig config;

    public IdempotencyStore(EntityManager em, Clock clock, IdempotencyConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /**
     * In its own transaction, committed at once: a key claimed this way stays IN_FLIGHT (409 to a
     * retry) until its lease runs out, when a retry may take it over. {@link
     * IdempotencyInterceptor} claims in the business transaction instead ({@link
     * #claimInTransaction}).
     */
    public Claim claim(String caller, String key, String requestHash) {
        return QuarkusTransaction.requiringNew()
                .call(() -> doClaim(caller, key, requestHash, false));
    }

    /**
     * #16 §3: claims the key inside the caller's (business) transaction, which {@link #complete}s
     * it before its commit. The claim row is inserted uncommitted and locked: a concurrent request
     * with the same key finds it locked and waits at most {@value #CLAIM_WAIT_SECONDS} s ({@code
     * innodb_lock_wait_timeout} for that one statement): 409 if the first request still runs then,
     * the stored response replayed if it committed meanwhile. Not 0 s: any lock in the way of the
     * insert made it fail, not only a claim of the same key — a purge's gap lock or another
     * insert's — and every such request answered a spurious 409 (bench/run.sh, 2026-12-06: three
     * POSTs with fresh keys when the purge ran). A business transaction that rolls back takes its
     * claim with it, so the key is free again for a corrected retry without a release. One
     * statement on the first request (the insert) where {@link #claim} needs two and a commit of
     * its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claim claimInTransaction(String caller, String key, String requestHash) {
        return doClaim(caller, key, requestHash, true);
    }

    private Claim doClaim(String caller, String key, String requestHash, boolean noWait) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String token = UUID.randomUUID().toString();
        int inserted;
        try {
            inserted =
                    em.createNativeQuery(
                                    (noWait
                                                    ? "SET STATEMENT innodb_lock_wait_timeout = "
                                                            + CLAIM_WAIT_SECONDS
                                                            + " FOR "
                                                    : "")
                                            + "INSERT IGNORE INTO idempotency_record (caller, idem_key, request_hash,"
                                            + " state, claim_token, lease_until, created_at, expires_at) VALUES (?1, ?2, ?3, 'IN_FLIGHT', ?4, ?5, ?6, ?7)")
                            .setParameter(1, caller)
                            .setParameter(2, key)
                            .setParameter(3, requestHash)
                            .setParameter(4, token)
                            .setParameter(5, now.plus(config.lease()))
                            .setParameter(6, now)
                            .setParameter(7, now.plus(config.ttl()))
                            .executeUpdate();
        } catch (jakarta.persistence.PersistenceException e) {
            if (!noWait || !lockWaitTimeout(e)) {
                throw e;
            }
            // the first request with this key holds its uncommitted claim: it is still running
            throw ProblemException.of(
                            ProblemType.IDEMPOTENCY_IN_FLIGHT,
                            "the first request with Idempotency-Key "
                                    + key
                                    + " is still running; retry after "
                                    + now.plus(config.lease()))
                    .withMessage("detail.idempotency-in-flight", key, now.plus(config.lease()));
        }
        if (inserted == 1) {
            return new Claim(caller, key, token, null);
        }
        IdempotencyRecord record =
                em.createQuery(
                                "from IdempotencyRecord where caller = ?1 and key = ?2",
                                IdempotencyRecord.class)
                        .setParameter(1, caller)
                        .setParameter(2, key)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getSingleResult();
        boolean expired = record.expiresAt.isBefore(now);
        if (expired) {
            takeOver(record, requestHash, token, now);
            return new Claim(caller, key, token, null);
        }
        if (!record.requestHash.equals(requestHash)) {
            throw ProblemException.of(
                            ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "Idempotency-Key "
                                    + key
                                    + " was used for a different request; use a new key")
                    .withMessage("detail.idempotency-key-reused", key);
        }
        if (record.state == IdempotencyRecord.State.DONE) {
            return new Claim(
                    caller,
                    key,
                    record.claimToken,
                    new StoredResponse(
                            record.responseStatus,
                            record.responseType,
                            record.responseHeaders,
                            record.responseBody));
        }
        if (record.leaseUntil.isAfter(now)) {
            throw ProblemException.of(
                            ProblemType.IDEMPOTENCY_IN_FLIGHT,
                            "the first request with Idempotency-Key "
                                    + key
                                    + " is still running; retry after "
                                    + record.leaseUntil)
                    .withMessage("detail.idempotency-in-flight", key, record.leaseUntil);
        }
        LOG.infof(
                "Idempotency-Key %s: the first request's lease ran out; this retry takes it over",
                key);
        takeOver(record, requestHash, token, now);
        return new Claim(caller, key, token, null);
    }

    /** MariaDB's ER_LOCK_WAIT_TIMEOUT (1205) anywhere in the cause chain. */
    private static boolean lockWaitTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == 1205) {
                return true;
            }
        }
        return false;
    }

    private void takeOver(IdempotencyRecord record, String requestHash, String token, Instant now) {
        record.requestHash = requestHash;
        record.state = IdempotencyRecord.State.IN_FLIGHT;
        record.claimToken = token;
        record.leaseUntil = now.plus(config.lease());
        record.createdAt = now;
        record.expiresAt = now.plus(config.ttl());
        record.responseStatus = null;
        record.responseType = null;
        record.responseHeaders = null;
        record.responseBody = null;
    }

    /**
     * Stores the response in the caller's (business) transaction. Fails when the claim was taken
     * over meanwhile, which rolls the business change back: only one of two racing requests
     * commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Claim claim, StoredResponse response) {
        int updated =
                em.createQuery(
                                "update IdempotencyRecord set state = ?1, responseStatus = ?2, responseType = ?3,"
                                        + " responseHeaders = ?4, responseBody = ?5 where caller = ?6 and key = ?7 and claimToken = ?8 and state = ?9")
                        .setParameter(1, IdempotencyRecord.State.DONE)
                        .setParameter(2, response.status())
                        .setParameter(3, response.contentType())
                        .setParameter(4, response.headers())
                        .setParameter(5, response.body())
                        .setParameter(6, claim.caller())
                        .setParameter(7, claim.key())
                        .setParameter(8, claim.token())
                        .setParameter(9, IdempotencyRecord.State.IN_FLIGHT)
                        .executeUpdate();
        if (updated != 1) {
            throw ProblemException.of(
                            ProblemType.IDEMPOTENCY_IN_FLIGHT,
                            "another request took over this Idempotency-Key; retry to get its result")
                    .withMessage("detail.idempotency-taken-over");
        }
    }

    /** The request failed without committing anything: free the key for a corrected retry. */
    public void release(Claim claim) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(
                            () ->
                                    em.createQuery(
                                                    "delete from IdempotencyRecord where caller = ?1 and key = ?2 and claimToken = ?3 and state = ?4")
                                            .setParameter(1, claim.caller())
                                            .setParameter(2, claim.key())
                                            .setParameter(3, claim.token())
                                            .setParameter(4, IdempotencyRecord.State.IN_FLIGHT)
                                            .executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "could not release Idempotency-Key %s (its lease will expire): %s",
                    claim.key(), e.getMessage());
        }
    }

    @Scheduled(
            every = "${kiban.idempotency.purge-every:10m}",
            delayed = "1m",
            identity = "idempotency-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purgeExpired();
    }

    /**
     * Deletes the expired records, 500 at a time, each batch by primary key. A range delete ({@code
     * where expires_at < now}) locked the index range up to the next record, or its end: under
     * REPEATABLE READ that gap lock stopped every claim's insert (a new record's expiry lies beyond
     * all others) while the purge ran, and a claim, which waits at most {@code CLAIM_WAIT_SECONDS},
     * answered a spurious 409 (seen by bench/run.sh, 2026-12-06). The ids are read without a lock,
     * and deleting by id locks those rows only.
     */
    public int purgeExpired() {
        int purged = 0;
        while (true) {
            int batch =
                    QuarkusTransaction.requiringNew()
                            .call(
                                    () -> {
                                        Instant now = clock.instant();
                                        List<Long> ids =
                                                em.createQuery(
                                                                "select r.id from IdempotencyRecord r where r.expiresAt < ?1 order by r.id",
                                                                Long.class)
                                                        .setParameter(1, now)
                                                        .setMaxResults(500)
                                                        .getResultList();
                                        if (ids.isEmpty()) {
                                            return 0;
                                        }
                                        return em.createQuery(
                                                        "delete from IdempotencyRecord where id in ?1 and expiresAt < ?2")
                                                .setParameter(1, ids)
                                                .setParameter(2, now)
                                                .executeUpdate();
                                    });
            purged += batch;
            if (batch < 500) {
                return purged;
            }
        }
    }
}
