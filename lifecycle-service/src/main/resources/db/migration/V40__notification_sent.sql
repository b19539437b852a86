-- issue #17 notifications: every mail this service sends, once per event. The event id is claimed (this row,
-- status SENDING) in its own committed transaction BEFORE the mail is handed to the SMTP server, so two replicas
-- (or two passes) never send the same event twice: the second insert fails on the unique key. A send that fails
-- is marked FAILED and retried (the stored subject, body and recipients, never re-rendered) until it succeeds or
-- gives up (ABANDONED); a SENT row is never sent again. A row left SENDING (the process died while sending) is
-- never resent either: at most once.
CREATE TABLE notification_sent (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id        VARCHAR(255)  NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    recipients      VARCHAR(4000) NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    body            MEDIUMTEXT    NOT NULL,
    link            VARCHAR(1000) NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    claimed_at      DATETIME(6)   NOT NULL,
    claimed_by      VARCHAR(255)  NULL,
    sent_at         DATETIME(6)   NULL,
    next_attempt_at DATETIME(6)   NULL,
    last_error      VARCHAR(2000) NULL,
    UNIQUE KEY notification_sent_event (event_id),
    KEY notification_sent_retry (status, next_attempt_at),
    KEY notification_sent_claimed (claimed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- what the minute poll last saw of a watched object (e.g. a custody item's status in maintenance-service), so a
-- change into a state (EVIDENCE_REJECTED) is one event with its own generation number, and a second rejection after
-- a resubmission is another event
CREATE TABLE notification_watch (
    watch_key   VARCHAR(255) NOT NULL PRIMARY KEY,
    observed    VARCHAR(64)  NOT NULL,
    generation  INT          NOT NULL,
    observed_at DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
