package io.kiban.lifecycle.phase;

import io.kiban.lifecycle.support.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "phase_transition")
public class PhaseTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Environment environment;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_phase", nullable = false)
    public Phase from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_phase", nullable = false)
    public Phase to;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    public String reason;

    @Column(name = "cost_note")
    public String costNote;
}
