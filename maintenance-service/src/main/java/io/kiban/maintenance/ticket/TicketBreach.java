package io.kiban.maintenance.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * R-MT-1: a missed response or restoration target, recorded once, beside the ticket (never on it,
 * so recording a breach does not raise the ticket's version: a client holding its ETag keeps
 * working when a deadline passes).
 */
@Entity
@Table(name = "ticket_breach")
@IdClass(TicketBreach.Key.class)
public class TicketBreach {

    public static final String RESPONSE = "response";
    public static final String RESTORATION = "restoration";

    @Id
    @Column(name = "ticket_id")
    public Long ticketId;

    @Id public String target;

    @Column(nullable = false)
    public String severity;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    public static class Key implements Serializable {
        public Long ticketId;
        public String target;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(ticketId, k.ticketId)
                    && Objects.equals(target, k.target);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, target);
        }
    }
}
