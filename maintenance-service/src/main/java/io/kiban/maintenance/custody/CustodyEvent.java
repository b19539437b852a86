package io.kiban.maintenance.custody;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One link of a custody chain; appended, never edited (triggers refuse UPDATE and DELETE). */
@Entity
@Table(name = "custody_event")
public class CustodyEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_id", nullable = false)
    public Long itemId;

    @Column(nullable = false)
    public String event;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustodyStatus status;

    public String holder;

    public String location;

    public String note;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;
}
