package io.kiban.lifecycle.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends one {@link OutgoingMail} at most once: claim the event id (committed), send through the
 * SMTP server ({@code quarkus.mailer.*}), mark it SENT — or FAILED for a later attempt of the
 * stored mail.
 */
@ApplicationScoped
class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    public enum Outcome {
        SENT,
        ALREADY_CLAIMED,
        FAILED,
        NO_RECIPIENTS
    }

    private final Mailer mailer;
    private final NotificationLog log;
    private final NotificationConfig config;
    private final MeterRegistry metrics;

    public Notifier(
            Mailer mailer, NotificationLog log, NotificationConfig config, MeterRegistry metrics) {
        this.mailer = mailer;
        this.log = log;
        this.config = config;
        this.metrics = metrics;
    }

    public Outcome send(OutgoingMail mail) {
        if (mail.recipients().isEmpty()) {
            LOG.warnf(
                    "no recipients configured for %s (%s): not sent", mail.eventId(), mail.kind());
            return Outcome.NO_RECIPIENTS;
        }
        // the polls derive the same events every minute: a known one is skipped with a read; the
        // unique key still
        // decides between two replicas claiming a new one at the same moment
        if (log.known(mail.eventId()) || !log.claim(mail)) {
            return Outcome.ALREADY_CLAIMED;
        }
        return deliver(mail);
    }

    /**
     * Sends again, once each, the FAILED mails whose next attempt is due (the stored text, never
     * re-rendered).
     */
    public int retryFailed() {
        int sent = 0;
        for (long id : log.dueForRetry()) {
            Optional<OutgoingMail> mail = log.reclaim(id);
            if (mail.isPresent() && deliver(mail.get()) == Outcome.SENT) {
                sent++;
            }
        }
        return sent;
    }

    private Outcome deliver(OutgoingMail mail) {
        try {
            Mail m = Mail.withText(mail.recipients().get(0), mail.subject(), mail.body());
            m.setTo(mail.recipients());
            mailer.send(m);
        } catch (RuntimeException e) {
            LOG.errorf(
                    "mail %s to %s failed: %s", mail.eventId(), mail.recipients(), e.getMessage());
            log.failed(
                    mail.eventId(),
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    config.retry().backoff(),
                    config.retry().maxAttempts());
            metrics.counter("kiban.notifications.failed", "kind", mail.kind().name()).increment();
            return Outcome.FAILED;
        }
        log.sent(mail.eventId());
        metrics.counter("kiban.notifications.sent", "kind", mail.kind().name()).increment();
        LOG.infof("mail %s sent to %s", mail.eventId(), mail.recipients());
        return Outcome.SENT;
    }
}
