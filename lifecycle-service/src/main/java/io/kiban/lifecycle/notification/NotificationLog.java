package io.kiban.lifecycle.notification;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The table {@code notification_sent}: an event id is claimed (inserted, status SENDING) in a
 * transaction of its own that commits before the mail is handed to the SMTP server; the unique key
 * on {@code event_id} lets exactly one replica (or thread) win the claim. Then SENT, or FAILED with
 * the time of the next attempt.
 */
@ApplicationScoped
public class NotificationLog implements PanacheRepository<NotificationSent> {

    static final int RECIPIENTS_MAX = 4000;
    static final int SUBJECT_MAX = 500;
    static final int ERROR_MAX = 2000;

    private final Clock clock;
    private final String instance;

    public NotificationLog(
            Clock clock,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.uuid")
                    String instance) {
        this.clock = clock;
        this.instance = instance;
    }

    /**
     * True when this caller claimed the event (and must send it); false when anyone ever claimed it
     * before.
     */
    public boolean claim(OutgoingMail mail) {
        Instant now = clock.instant();
        try {
            QuarkusTransaction.requiringNew()
                    .run(
                            () -> {
                                NotificationSent row = new NotificationSent();
                                row.eventId = mail.eventId();
                                row.kind = mail.kind();
                                row.recipients =
                                        cut(String.join(", ", mail.recipients()), RECIPIENTS_MAX);
                                row.subject = cut(mail.subject(), SUBJECT_MAX);
                                row.body = mail.body();
                                row.link = mail.link();
                                row.status = NotificationSent.Status.SENDING;
                                row.attempts = 1;
                                row.claimedAt = now;
                                row.claimedBy = instance;
                                persist(row);
                                flush();
                            });
            return true;
        } catch (RuntimeException e) {
            if (duplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Whether the event was ever claimed (whatever became of it). */
    public boolean known(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> count("eventId", eventId) > 0);
    }

    public void sent(String eventId) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                update(
                                        "status = ?1, sentAt = ?2, nextAttemptAt = null, lastError = null where eventId = ?3",
                                        NotificationSent.Status.SENT,
                                        now,
                                        eventId));
    }

    /**
     * A failed send: tried again after {@code backoff} unless {@code maxAttempts} were made
     * (ABANDONED).
     */
    public void failed(String eventId, String error, java.time.Duration backoff, int maxAttempts) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            NotificationSent row = find("eventId", eventId).firstResult();
                            if (row == null || row.status != NotificationSent.Status.SENDING) {
                                return;
                            }
                            row.lastError = cut(error, ERROR_MAX);
                            if (row.attempts >= maxAttempts) {
                                row.status = NotificationSent.Status.ABANDONED;
                                row.nextAttemptAt = null;
                            } else {
                                row.status = NotificationSent.Status.FAILED;
                                row.nextAttemptAt = now.plus(backoff);
                            }
                        });
    }

    /**
     * The FAILED rows due for another attempt (their ids); each must still be won with {@link
     * #reclaim(long)}.
     */
    public List<Long> dueForRetry() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                find(
                                                "status = ?1 and nextAttemptAt <= ?2 order by id",
                                                NotificationSent.Status.FAILED,
                                                now)
                                        .list()
                                        .stream()
                                        .map(r -> r.id)
                                        .toList());
    }

    /**
     * Compare-and-set FAILED → SENDING (one more attempt): the stored mail when this caller won it,
     * empty when another replica did (or the row is no longer FAILED).
     */
    public Optional<OutgoingMail> reclaim(long id) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            EntityManager em = getEntityManager();
                            int won =
                                    em.createQuery(
                                                    "update NotificationSent set status = :sending, attempts = attempts + 1, "
                                                            + "claimedAt = :now, claimedBy = :me where id = :id and status = :failed")
                                            .setParameter(
                                                    "sending", NotificationSent.Status.SENDING)
                                            .setParameter("now", now)
                                            .setParameter("me", instance)
                                            .setParameter("id", id)
                                            .setParameter("failed", NotificationSent.Status.FAILED)
                                            .executeUpdate();
                            if (won != 1) {
                                return Optional.<OutgoingMail>empty();
                            }
                            NotificationSent row = em.find(NotificationSent.class, id);
                            em.refresh(row);
                            return Optional.of(
                                    new OutgoingMail(
                                            row.eventId,
                                            row.kind,
                                            List.of(row.recipients.split(",\\s*")),
                                            row.subject,
                                            row.body,
                                            row.link));
                        });
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException
                    || t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof java.sql.SQLException s && "23000".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
