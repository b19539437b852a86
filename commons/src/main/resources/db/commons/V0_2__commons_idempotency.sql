-- Idempotency-Key records (kiban-commons): one per caller and key. A key is IN_FLIGHT while its
-- first request runs (with a lease, so a key whose request died can be retried) and DONE with the
-- stored response, which the business transaction writes together with its own rows.
CREATE TABLE idempotency_record (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    caller          VARCHAR(255) NOT NULL,
    idem_key        VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    claim_token     CHAR(36)     NOT NULL,
    lease_until     DATETIME(6)  NOT NULL,
    response_status INT          NULL,
    response_type   VARCHAR(128) NULL,
    response_headers TEXT        NULL,
    response_body   LONGTEXT     NULL,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    UNIQUE KEY idempotency_caller_key (caller, idem_key),
    KEY idempotency_expiry (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
