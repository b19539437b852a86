-- lifecycle-service schema: contract and calendar, lease ledger, deliverables, delivery extensions,
-- approved handlers, phases, restoration checklist, archives. Times are UTC; dates are JPO calendar dates.

CREATE TABLE contract (
    id                  TINYINT      NOT NULL PRIMARY KEY,
    signing_date        DATE         NOT NULL,
    delivery_deadline   DATE         NOT NULL,
    extension_limit     DATE         NOT NULL,
    production_start    DATE         NOT NULL,
    lease_start         DATE         NOT NULL,
    lease_end           DATE         NOT NULL,
    removal_deadline    DATE         NOT NULL,
    contract_end        DATE         NOT NULL,
    vendor_organisation VARCHAR(128) NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- monthly lease and maintenance amounts (JPY, tax included) per expense category (経費区分), R-LC-13
CREATE TABLE contract_amount (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contract_id         TINYINT      NOT NULL,
    category_code       VARCHAR(64)  NOT NULL,
    category_name       VARCHAR(200) NOT NULL,
    lease_monthly       BIGINT       NOT NULL,
    maintenance_monthly BIGINT       NOT NULL,
    UNIQUE KEY contract_amount_category (contract_id, category_code),
    CONSTRAINT contract_amount_contract FOREIGN KEY (contract_id) REFERENCES contract (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- non-business days other than weekends: national holidays and the year-end closure (行政機関の休日)
CREATE TABLE calendar_holiday (
    holiday_date DATE         NOT NULL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    kind         VARCHAR(24)  NOT NULL,
    source       VARCHAR(300) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- delays of the production start (R-LC-14); end_date inclusive
CREATE TABLE production_delay (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    cause       VARCHAR(16)  NOT NULL,
    start_date  DATE         NOT NULL,
    end_date    DATE         NOT NULL,
    note        VARCHAR(2000) NULL,
    recorded_by VARCHAR(255) NOT NULL,
    recorded_at DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- negotiated use after the lease (R-LC-9): months first_month..last_month (first days of months)
CREATE TABLE lease_extension (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    first_month DATE         NOT NULL,
    last_month  DATE         NOT NULL,
    agreed_on   DATE         NOT NULL,
    reference   VARCHAR(500) NOT NULL,
    recorded_by VARCHAR(255) NOT NULL,
    recorded_at DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE lease_extension_amount (
    id                  BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    extension_id        BIGINT      NOT NULL,
    category_code       VARCHAR(64) NOT NULL,
    lease_monthly       BIGINT      NOT NULL,
    maintenance_monthly BIGINT      NOT NULL,
    CONSTRAINT lease_extension_amount_ext FOREIGN KEY (extension_id) REFERENCES lease_extension (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- stored files, addressed by SHA-256, written once
CREATE TABLE document (
    sha256       CHAR(64)     NOT NULL PRIMARY KEY,
    size_bytes   BIGINT       NOT NULL,
    content_type VARCHAR(200) NOT NULL,
    stored_at    DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE deliverable (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind          VARCHAR(40)   NOT NULL,
    rule_id       VARCHAR(16)   NOT NULL,
    title         VARCHAR(300)  NOT NULL,
    environment   VARCHAR(16)   NULL,
    due_date      DATE          NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    submitted_on  DATE          NULL,
    submitted_by  VARCHAR(255)  NULL,
    file_sha256   CHAR(64)      NULL,
    file_name     VARCHAR(255)  NULL,
    reviewed_by   VARCHAR(255)  NULL,
    reviewed_at   DATETIME(6)   NULL,
    return_reason VARCHAR(2000) NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    KEY deliverable_kind (kind, due_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE deliverable_submission (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    deliverable_id BIGINT       NOT NULL,
    file_sha256    CHAR(64)     NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    submitted_at   DATETIME(6)  NOT NULL,
    submitted_by   VARCHAR(255) NOT NULL,
    CONSTRAINT deliverable_submission_d FOREIGN KEY (deliverable_id) REFERENCES deliverable (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- security compliance report 別紙2 (R-LC-12): one row per item / sub-item
CREATE TABLE compliance_status (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    deliverable_id BIGINT        NOT NULL,
    item_code      VARCHAR(8)    NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    note           VARCHAR(2000) NULL,
    UNIQUE KEY compliance_status_item (deliverable_id, item_code),
    CONSTRAINT compliance_status_d FOREIGN KEY (deliverable_id) REFERENCES deliverable (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- per-line delivery extensions (R-LC-3); delivery facts stay in asset-service
CREATE TABLE delivery_extension (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    environment   VARCHAR(16)   NOT NULL,
    baseline_item VARCHAR(100)  NOT NULL,
    cause         VARCHAR(32)   NOT NULL,
    explanation   VARCHAR(2000) NOT NULL,
    new_date      DATE          NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    proposed_by   VARCHAR(255)  NOT NULL,
    proposed_at   DATETIME(6)   NOT NULL,
    decided_by    VARCHAR(255)  NULL,
    decided_at    DATETIME(6)   NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    KEY delivery_extension_line (environment, baseline_item)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 情報取扱者名簿 (R-SEC-1)
CREATE TABLE approved_handler (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    organisation   VARCHAR(128)  NOT NULL,
    handler_role   VARCHAR(200)  NOT NULL,
    affiliation    VARCHAR(200)  NOT NULL,
    expertise      VARCHAR(500)  NOT NULL,
    nationality    VARCHAR(100)  NOT NULL,
    account_id     VARCHAR(255)  NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    proposed_by    VARCHAR(255)  NOT NULL,
    proposed_at    DATETIME(6)   NOT NULL,
    decided_by     VARCHAR(255)  NULL,
    decided_at     DATETIME(6)   NULL,
    removed_by     VARCHAR(255)  NULL,
    removed_at     DATETIME(6)   NULL,
    note           VARCHAR(2000) NULL,
    role_synced    BOOLEAN       NOT NULL DEFAULT FALSE,
    -- a change of an approved entry, waiting for JPO's approval (JSON of the proposed fields)
    pending_change TEXT          NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    KEY approved_handler_account (account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE environment_phase (
    environment          VARCHAR(16)   NOT NULL PRIMARY KEY,
    phase                VARCHAR(16)   NOT NULL,
    entered_at           DATETIME(6)   NOT NULL,
    removing_entered_at  DATETIME(6)   NULL,
    late_removal_reason  VARCHAR(2000) NULL,
    version              BIGINT        NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE phase_transition (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    environment VARCHAR(16)   NOT NULL,
    from_phase  VARCHAR(16)   NOT NULL,
    to_phase    VARCHAR(16)   NOT NULL,
    at          DATETIME(6)   NOT NULL,
    actor       VARCHAR(255)  NOT NULL,
    reason      VARCHAR(2000) NULL,
    cost_note   VARCHAR(2000) NULL,
    KEY phase_transition_env (environment, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 原状復帰 checklist (R-RM-1), signed item by item by jpo-admin
CREATE TABLE restoration_item (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    environment VARCHAR(16)   NOT NULL,
    item_code   VARCHAR(32)   NOT NULL,
    label       VARCHAR(200)  NOT NULL,
    vendor_note VARCHAR(2000) NULL,
    signed_by   VARCHAR(255)  NULL,
    signed_at   DATETIME(6)   NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    UNIQUE KEY restoration_item_env (environment, item_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- archive handovers (R-RM-4)
CREATE TABLE archive (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    created_at   DATETIME(6)  NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    entries      INT          NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
