-- maintenance-service schema: tickets, part replacements, custody of data-bearing media, destruction
-- evidence (WORM once accepted), contractor registry, sanitization orders. Every business row carries
-- the vendor organisation it belongs to (R-MT-7 / R-MT-2).

CREATE TABLE ticket (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation         VARCHAR(128)  NOT NULL,
    hardware_id          VARCHAR(64)   NOT NULL,
    severity             VARCHAR(8)    NOT NULL,
    fault_class          VARCHAR(32)   NOT NULL,
    description          VARCHAR(4000) NOT NULL,
    status               VARCHAR(24)   NOT NULL,
    occurred_at          DATETIME(6)   NOT NULL,
    reported_at          DATETIME(6)   NOT NULL,
    filed_by             VARCHAR(255)  NOT NULL,
    response_due         DATETIME(6)   NOT NULL,
    restoration_due      DATETIME(6)   NOT NULL,
    acknowledged_at      DATETIME(6)   NULL,
    resolved_at          DATETIME(6)   NULL,
    ended_at             DATETIME(6)   NULL,
    response_breached    BOOLEAN       NOT NULL DEFAULT FALSE,
    restoration_breached BOOLEAN       NOT NULL DEFAULT FALSE,
    version              BIGINT        NOT NULL,
    KEY ticket_org (organisation),
    KEY ticket_hardware (hardware_id, status),
    KEY ticket_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- every transition, appended; never changed
CREATE TABLE ticket_transition (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id    BIGINT        NOT NULL,
    from_status  VARCHAR(24)   NULL,
    to_status    VARCHAR(24)   NOT NULL,
    at           DATETIME(6)   NOT NULL,
    actor        VARCHAR(255)  NOT NULL,
    note         VARCHAR(2000) NULL,
    CONSTRAINT ticket_transition_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE part_replacement (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    ticket_id           BIGINT        NOT NULL,
    organisation        VARCHAR(128)  NOT NULL,
    hardware_id         VARCHAR(64)   NOT NULL,
    removed_kind        VARCHAR(32)   NOT NULL,
    removed_make        VARCHAR(255)  NOT NULL,
    removed_model       VARCHAR(255)  NOT NULL,
    removed_serial      VARCHAR(128)  NOT NULL,
    installed_kind      VARCHAR(32)   NOT NULL,
    installed_make      VARCHAR(255)  NOT NULL,
    installed_model     VARCHAR(255)  NOT NULL,
    installed_serial    VARCHAR(128)  NOT NULL,
    installed_condition VARCHAR(16)   NOT NULL,
    data_bearing        BOOLEAN       NOT NULL,
    data_bearing_set_by VARCHAR(255)  NULL,
    replaced_on         DATE          NOT NULL,
    recorded_by         VARCHAR(255)  NOT NULL,
    recorded_at         DATETIME(6)   NOT NULL,
    UNIQUE KEY part_replacement_removed (removed_serial),
    UNIQUE KEY part_replacement_installed (installed_serial),
    CONSTRAINT part_replacement_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT part_replacement_new CHECK (installed_condition = 'NEW')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contractor (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(255)  NOT NULL,
    scope             VARCHAR(2000) NOT NULL,
    approved_on       DATE          NOT NULL,
    approved_by       VARCHAR(255)  NOT NULL,
    revoked_on        DATE          NULL,
    revocation_reason VARCHAR(2000) NULL,
    version           BIGINT        NOT NULL,
    UNIQUE KEY contractor_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sanitization_order (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation VARCHAR(128)  NOT NULL,
    environment  VARCHAR(32)   NULL,
    hardware_ids VARCHAR(4000) NULL,
    reason       VARCHAR(2000) NULL,
    created_by   VARCHAR(255)  NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    KEY sanitization_order_org (organisation)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- one row per physical medium that needs destruction evidence: a data-bearing removed part, a
-- failure-analysis log medium (R-MT-3), or a medium of a sanitization order. A serial is tracked once.
CREATE TABLE custody_item (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation           VARCHAR(128)  NOT NULL,
    source                 VARCHAR(16)   NOT NULL,
    ticket_id              BIGINT        NULL,
    replacement_id         VARCHAR(36)   NULL,
    order_id               BIGINT        NULL,
    hardware_id            VARCHAR(64)   NULL,
    kind                   VARCHAR(32)   NOT NULL,
    make                   VARCHAR(255)  NULL,
    model                  VARCHAR(255)  NULL,
    serial                 VARCHAR(128)  NOT NULL,
    contents               VARCHAR(2000) NULL,
    status                 VARCHAR(24)   NOT NULL,
    holder                 VARCHAR(255)  NULL,
    location               VARCHAR(255)  NULL,
    created_at             DATETIME(6)   NOT NULL,
    purge_approved_at      DATETIME(6)   NULL,
    purge_approved_by      VARCHAR(255)  NULL,
    purge_approval_reason  VARCHAR(2000) NULL,
    version                BIGINT        NOT NULL,
    UNIQUE KEY custody_item_serial (serial),
    KEY custody_item_org (organisation, status),
    KEY custody_item_ticket (ticket_id),
    CONSTRAINT custody_item_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT custody_item_replacement FOREIGN KEY (replacement_id) REFERENCES part_replacement (id),
    CONSTRAINT custody_item_order FOREIGN KEY (order_id) REFERENCES sanitization_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the custody chain: appended, never edited (triggers below refuse UPDATE and DELETE)
CREATE TABLE custody_event (
    id        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id   BIGINT        NOT NULL,
    event     VARCHAR(32)   NOT NULL,
    status    VARCHAR(24)   NOT NULL,
    holder    VARCHAR(255)  NULL,
    location  VARCHAR(255)  NULL,
    note      VARCHAR(2000) NULL,
    at        DATETIME(6)   NOT NULL,
    actor     VARCHAR(255)  NOT NULL,
    KEY custody_event_item (item_id),
    CONSTRAINT custody_event_item FOREIGN KEY (item_id) REFERENCES custody_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- a certificate of sanitization after NIST SP 800-88 Rev.1 Appendix G
CREATE TABLE evidence (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id          BIGINT        NOT NULL,
    organisation     VARCHAR(128)  NOT NULL,
    media_type       VARCHAR(32)   NOT NULL,
    make             VARCHAR(255)  NULL,
    model            VARCHAR(255)  NULL,
    serial           VARCHAR(128)  NOT NULL,
    method           VARCHAR(16)   NOT NULL,
    technique        VARCHAR(32)   NOT NULL,
    tool             VARCHAR(255)  NULL,
    tool_version     VARCHAR(128)  NULL,
    verification     VARCHAR(2000) NOT NULL,
    performed_on     DATE          NOT NULL,
    place            VARCHAR(255)  NOT NULL,
    performed_by     VARCHAR(255)  NOT NULL,
    destination      VARCHAR(255)  NOT NULL,
    issuer           VARCHAR(16)   NOT NULL,
    contractor_id    BIGINT        NULL,
    status           VARCHAR(16)   NOT NULL,
    submitted_by     VARCHAR(255)  NOT NULL,
    submitted_at     DATETIME(6)   NOT NULL,
    decided_by       VARCHAR(255)  NULL,
    decided_at       DATETIME(6)   NULL,
    decision_reason  VARCHAR(2000) NULL,
    version          BIGINT        NOT NULL,
    KEY evidence_item (item_id),
    CONSTRAINT evidence_item FOREIGN KEY (item_id) REFERENCES custody_item (id),
    CONSTRAINT evidence_contractor FOREIGN KEY (contractor_id) REFERENCES contractor (id),
    CONSTRAINT evidence_method CHECK (method IN ('DESTROY', 'PURGE')),
    CONSTRAINT evidence_contractor_issuer CHECK (issuer <> 'CONTRACTOR' OR contractor_id IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE evidence_file (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    evidence_id   BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    content_type  VARCHAR(64)   NOT NULL,
    original_name VARCHAR(512)  NULL,
    uploaded_by   VARCHAR(255)  NOT NULL,
    uploaded_at   DATETIME(6)   NOT NULL,
    KEY evidence_file_evidence (evidence_id),
    CONSTRAINT evidence_file_evidence FOREIGN KEY (evidence_id) REFERENCES evidence (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- WORM: accepted evidence and its files can never change or disappear; custody events and ticket
-- transitions are append-only. The application has no path that tries; these stop everyone else.
DELIMITER $$
CREATE TRIGGER evidence_worm_update BEFORE UPDATE ON evidence FOR EACH ROW
BEGIN
    IF OLD.status = 'ACCEPTED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'R-MT-6: accepted evidence is immutable';
    END IF;
END$$

CREATE TRIGGER evidence_worm_delete BEFORE DELETE ON evidence FOR EACH ROW
BEGIN
    IF OLD.status = 'ACCEPTED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'R-MT-6: accepted evidence cannot be deleted';
    END IF;
END$$

CREATE TRIGGER evidence_file_no_update BEFORE UPDATE ON evidence_file FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'R-MT-6: evidence files are immutable';
END$$

CREATE TRIGGER evidence_file_no_delete BEFORE DELETE ON evidence_file FOR EACH ROW
BEGIN
    IF (SELECT status FROM evidence WHERE id = OLD.evidence_id) = 'ACCEPTED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'R-MT-6: files of accepted evidence cannot be deleted';
    END IF;
END$$

CREATE TRIGGER evidence_file_no_insert_accepted BEFORE INSERT ON evidence_file FOR EACH ROW
BEGIN
    IF (SELECT status FROM evidence WHERE id = NEW.evidence_id) <> 'SUBMITTED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'R-MT-6: files are added only to submitted evidence';
    END IF;
END$$

CREATE TRIGGER custody_event_no_update BEFORE UPDATE ON custody_event FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody events are append-only';
END$$

CREATE TRIGGER custody_event_no_delete BEFORE DELETE ON custody_event FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody events are append-only';
END$$

CREATE TRIGGER ticket_transition_no_update BEFORE UPDATE ON ticket_transition FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ticket transitions are append-only';
END$$

CREATE TRIGGER ticket_transition_no_delete BEFORE DELETE ON ticket_transition FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ticket transitions are append-only';
END$$
DELIMITER ;
