package io.kiban.lifecycle.phase;

import io.kiban.lifecycle.support.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "environment_phase")
public class EnvironmentPhase {

    @Id
    @Enumerated(EnumType.STRING)
    public Environment environment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Phase phase;

    @Column(name = "entered_at", nullable = false)
    public Instant enteredAt;

    /** When the environment last entered REMOVING (an archive for R-RM-4 must be newer). */
    @Column(name = "removing_entered_at")
    public Instant removingEnteredAt;

    /** Why removal completes after the removal deadline (R-LC-8), when it does. */
    @Column(name = "late_removal_reason")
    public String lateRemovalReason;

    @Version public long version;
}
