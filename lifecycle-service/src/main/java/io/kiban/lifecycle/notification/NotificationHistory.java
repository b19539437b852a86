package io.kiban.lifecycle.notification;

import io.kiban.commons.paging.Page;
import io.kiban.commons.paging.PageRequest;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Issue #17: the log of claimed notification mails, newest first, for jpo-admin and auditors. */
@ApplicationScoped
class NotificationHistory {

    /** One logged mail (the body is not listed). */
    public record SentView(
            Long id,
            String eventId,
            OutgoingMail.Kind kind,
            String recipients,
            String subject,
            String link,
            NotificationSent.Status status,
            int attempts,
            Instant claimedAt,
            Instant sentAt,
            Instant nextAttemptAt,
            String lastError) {

        static SentView of(NotificationSent s) {
            return new SentView(
                    s.id,
                    s.eventId,
                    s.kind,
                    s.recipients,
                    s.subject,
                    s.link,
                    s.status,
                    s.attempts,
                    s.claimedAt,
                    s.sentAt,
                    s.nextAttemptAt,
                    s.lastError);
        }
    }

    private final NotificationLog log;

    NotificationHistory(NotificationLog log) {
        this.log = log;
    }

    // #16 §3: a read writes nothing: no JTA transaction
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SentView> newestFirst(PageRequest request) {
        var query = log.findAll(Sort.descending("id"));
        query.page(request.page(), request.size());
        return new Page<>(query.list().stream().map(SentView::of).toList(), query.count(), request);
    }
}
