-- issue 14 (R-SEC-2, R-LC-3, R-LC-14): who proposed or submitted, by token identity (issuer#subject), so that the
-- approver is never the same account; approvals of production-start delays by a second jpo-admin; contract
-- amendments proposed and approved by two jpo-admins; closed lease months with their stored figures.

ALTER TABLE delivery_extension
    ADD COLUMN proposed_by_id VARCHAR(300) NULL,
    ADD COLUMN decided_by_id  VARCHAR(300) NULL;

ALTER TABLE deliverable
    ADD COLUMN submitted_by_id VARCHAR(300) NULL,
    ADD COLUMN reviewed_by_id  VARCHAR(300) NULL;

-- delays recorded before this migration were entered by one jpo-admin; they keep counting (APPROVED)
ALTER TABLE production_delay
    ADD COLUMN status         VARCHAR(16)  NOT NULL DEFAULT 'APPROVED',
    ADD COLUMN recorded_by_id VARCHAR(300) NULL,
    ADD COLUMN approved_by    VARCHAR(255) NULL,
    ADD COLUMN approved_by_id VARCHAR(300) NULL,
    ADD COLUMN approved_at    DATETIME(6)  NULL;

-- a proposed amendment of the contract: the whole new contract (JSON), the contract version it was made against
CREATE TABLE contract_amendment (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    base_version   BIGINT        NOT NULL,
    proposal       LONGTEXT      NOT NULL,
    reason         VARCHAR(2000) NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    proposed_by    VARCHAR(255)  NOT NULL,
    proposed_by_id VARCHAR(300)  NOT NULL,
    proposed_at    DATETIME(6)   NOT NULL,
    decided_by     VARCHAR(255)  NULL,
    decided_by_id  VARCHAR(300)  NULL,
    decided_at     DATETIME(6)   NULL,
    version        BIGINT        NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- R-LC-14: a month whose payment JPO recorded; its figures (the ledger month as JSON) are never recomputed
CREATE TABLE lease_closed_month (
    month      CHAR(7)      NOT NULL PRIMARY KEY,
    figures    LONGTEXT     NOT NULL,
    net        BIGINT       NOT NULL,
    closed_by  VARCHAR(255) NOT NULL,
    closed_at  DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
