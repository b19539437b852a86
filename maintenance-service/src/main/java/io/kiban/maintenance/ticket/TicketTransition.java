package io.kiban.maintenance.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a ticket's workflow; appended, never changed (a trigger refuses UPDATE/DELETE). */
@Entity
@Table(name = "ticket_transition")
public class TicketTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public TicketStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public TicketStatus toStatus;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    public String note;
}
