-- Tamper-evident audit trail (kiban-commons). Append-only: the application never updates or deletes
-- rows of audit_entry; each row's mac chains it to the one before (HMAC-SHA-256, key outside the DB).
CREATE TABLE audit_entry (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    recorded_at  DATETIME(6)  NOT NULL,
    issuer       VARCHAR(255) NOT NULL,
    subject      VARCHAR(255) NOT NULL,
    actor_name   VARCHAR(255) NULL,
    roles        VARCHAR(512) NOT NULL,
    organisation VARCHAR(128) NULL,
    action       VARCHAR(64)  NOT NULL,
    entity_type  VARCHAR(64)  NOT NULL,
    entity_id    VARCHAR(128) NOT NULL,
    state_digest CHAR(64)     NOT NULL,
    mac          CHAR(64)     NOT NULL,
    KEY audit_entry_entity (entity_type, entity_id),
    KEY audit_entry_time (recorded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The chain head: one row, locked by every append so that entries are numbered without gaps.
CREATE TABLE audit_head (
    id       TINYINT  NOT NULL PRIMARY KEY,
    chain_id CHAR(36) NOT NULL,
    seq      BIGINT   NOT NULL,
    mac      CHAR(64) NOT NULL
) ENGINE=InnoDB;

INSERT INTO audit_head (id, chain_id, seq, mac)
VALUES (1, UUID(), 0, '0000000000000000000000000000000000000000000000000000000000000000');
