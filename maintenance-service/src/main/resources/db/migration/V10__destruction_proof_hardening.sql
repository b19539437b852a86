-- Issue 13 / issue 14 item 8: destruction proof the vendor cannot bend.

-- R-MT-1: breaches live beside the ticket, so the scheduled sweep never raises a ticket's version (a client
-- holding its ETag does not get 412 only because a deadline passed). One row per ticket and target.
CREATE TABLE ticket_breach (
    ticket_id   BIGINT       NOT NULL,
    target      VARCHAR(16)  NOT NULL,
    severity    VARCHAR(8)   NOT NULL,
    due_at      DATETIME(6)  NOT NULL,
    detected_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (ticket_id, target),
    CONSTRAINT ticket_breach_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT ticket_breach_target CHECK (target IN ('response', 'restoration'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO ticket_breach (ticket_id, target, severity, due_at, detected_at)
    SELECT id, 'response', severity, response_due, COALESCE(acknowledged_at, ended_at, response_due)
    FROM ticket WHERE response_breached;
INSERT INTO ticket_breach (ticket_id, target, severity, due_at, detected_at)
    SELECT id, 'restoration', severity, restoration_due, COALESCE(resolved_at, ended_at, restoration_due)
    FROM ticket WHERE restoration_breached;

-- who filed (token issuer#subject) and whether JPO filed it (a vendor never cancels JPO's ticket; tickets of
-- before this migration count as JPO's, the restrictive side); the environment of its hardware when filed
ALTER TABLE ticket
    DROP COLUMN response_breached,
    DROP COLUMN restoration_breached,
    ADD COLUMN filed_by_id  VARCHAR(512) NULL,
    ADD COLUMN filed_by_jpo BOOLEAN      NOT NULL DEFAULT TRUE,
    ADD COLUMN environment  VARCHAR(32)  NULL;

-- what asset-service's media ledger said of the removed serial (LEDGER, UNREGISTERED_PART, NONE = not in it)
ALTER TABLE part_replacement
    ADD COLUMN ledger_origin VARCHAR(24) NULL,
    ADD COLUMN recorded_by_id VARCHAR(512) NULL;

-- the environment a tracked medium belongs to (outstanding report per environment, removal gate) and who
-- started its chain (R-SEC-2: never the one who approves its PURGE exception)
ALTER TABLE custody_item
    ADD COLUMN environment    VARCHAR(32)  NULL,
    ADD COLUMN recorded_by_id VARCHAR(512) NULL,
    ADD KEY custody_item_env (environment, status);

-- R-SEC-2: the accounts (issuer#subject) that submitted evidence and uploaded its files never decide on it
ALTER TABLE evidence ADD COLUMN submitted_by_id VARCHAR(512) NULL;
ALTER TABLE evidence_file ADD COLUMN uploaded_by_id VARCHAR(512) NULL;

-- R-MT-4: a contractor is proposed, then approved by jpo-admin at server time (never a typed date); a
-- revocation takes effect when it is recorded. Approvals recorded before this migration keep their typed
-- date as the start of that day in Asia/Tokyo.
ALTER TABLE contractor
    ADD COLUMN status         VARCHAR(16)  NOT NULL DEFAULT 'APPROVED',
    ADD COLUMN proposed_by    VARCHAR(255) NULL,
    ADD COLUMN proposed_by_id VARCHAR(512) NULL,
    ADD COLUMN proposed_at    DATETIME(6)  NULL,
    ADD COLUMN approved_at    DATETIME(6)  NULL,
    ADD COLUMN approved_by_id VARCHAR(512) NULL,
    ADD COLUMN revoked_at     DATETIME(6)  NULL,
    ADD COLUMN revoked_by     VARCHAR(255) NULL,
    MODIFY approved_by VARCHAR(255) NULL;

UPDATE contractor SET
    proposed_by = approved_by,
    proposed_at = TIMESTAMP(approved_on) - INTERVAL 9 HOUR,
    approved_at = TIMESTAMP(approved_on) - INTERVAL 9 HOUR,
    revoked_at  = CASE WHEN revoked_on IS NULL THEN NULL ELSE TIMESTAMP(revoked_on) - INTERVAL 9 HOUR END,
    status      = CASE WHEN revoked_on IS NULL THEN 'APPROVED' ELSE 'REVOKED' END;

ALTER TABLE contractor
    DROP COLUMN approved_on,
    DROP COLUMN revoked_on,
    MODIFY proposed_by VARCHAR(255) NOT NULL DEFAULT 'unknown',
    MODIFY proposed_at DATETIME(6) NOT NULL DEFAULT '2000-01-01 00:00:00',
    ALTER status DROP DEFAULT;

ALTER TABLE contractor
    ALTER proposed_by DROP DEFAULT,
    ALTER proposed_at DROP DEFAULT,
    ADD CONSTRAINT contractor_status CHECK (status IN ('PROPOSED', 'APPROVED', 'REVOKED'));
