package io.kiban.lifecycle.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The log of every mail (V40__notification_sent.sql); rows are written by {@link NotificationLog}
 * only.
 */
@Entity
@Table(name = "notification_sent")
public class NotificationSent {

    public enum Status {
        SENDING,
        SENT,
        FAILED,
        ABANDONED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    @Enumerated(EnumType.STRING)
    public OutgoingMail.Kind kind;

    public String recipients;

    public String subject;

    public String body;

    public String link;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;
}
