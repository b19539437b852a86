package io.kiban.commons.idempotency;

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
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    public enum State {
        IN_FLIGHT,
        DONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String caller;

    @Column(name = "idem_key", nullable = false)
    public String key;

    @Column(name = "request_hash", nullable = false, columnDefinition = "CHAR(64)")
    public String requestHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "claim_token", nullable = false, columnDefinition = "CHAR(36)")
    public String claimToken;

    @Column(name = "lease_until", nullable = false)
    public Instant leaseUntil;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "response_type")
    public String responseType;

    @Column(name = "response_headers", columnDefinition = "TEXT")
    public String responseHeaders;

    @Column(name = "response_body", columnDefinition = "LONGTEXT")
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
