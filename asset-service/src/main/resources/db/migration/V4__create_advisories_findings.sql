-- OSV advisories imported offline, and findings (advisory × installed software) with their
-- countermeasure plans (R-AS-5). A finding copies the software's identity so it outlives an SBOM re-import.
CREATE TABLE advisory (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    osv_id      VARCHAR(100) NOT NULL,
    aliases     VARCHAR(512) NULL,
    summary     VARCHAR(500) NULL,
    severity    VARCHAR(100) NULL,
    modified    VARCHAR(40)  NULL,
    affected    LONGTEXT     NOT NULL,
    source      VARCHAR(255) NULL,
    imported_at DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    UNIQUE KEY advisory_osv_id (osv_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE finding (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    advisory_id      BIGINT        NOT NULL,
    osv_id           VARCHAR(100)  NOT NULL,
    aliases          VARCHAR(512)  NULL,
    severity         VARCHAR(100)  NULL,
    software_id      BIGINT        NOT NULL,
    software_name    VARCHAR(200)  NOT NULL,
    software_version VARCHAR(100)  NULL,
    purl             VARCHAR(512)  NULL,
    environment      VARCHAR(16)   NOT NULL,
    installed_where  VARCHAR(200)  NULL,
    status           VARCHAR(16)   NOT NULL,
    plan_action      VARCHAR(1000) NULL,
    plan_target_date DATE          NULL,
    planned_by       VARCHAR(255)  NULL,
    confirmed_by     VARCHAR(255)  NULL,
    confirmed_at     DATETIME(6)   NULL,
    applied_on       DATE          NULL,
    found_at         DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL,
    UNIQUE KEY finding_advisory_software (advisory_id, software_id),
    KEY finding_status_target (status, plan_target_date),
    CONSTRAINT finding_advisory_fk FOREIGN KEY (advisory_id) REFERENCES advisory (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE finding_aud (
    id               BIGINT        NOT NULL,
    rev              INT           NOT NULL,
    revtype          TINYINT       NULL,
    advisory_id      BIGINT        NULL,
    osv_id           VARCHAR(100)  NULL,
    aliases          VARCHAR(512)  NULL,
    severity         VARCHAR(100)  NULL,
    software_id      BIGINT        NULL,
    software_name    VARCHAR(200)  NULL,
    software_version VARCHAR(100)  NULL,
    purl             VARCHAR(512)  NULL,
    environment      VARCHAR(16)   NULL,
    installed_where  VARCHAR(200)  NULL,
    status           VARCHAR(16)   NULL,
    plan_action      VARCHAR(1000) NULL,
    plan_target_date DATE          NULL,
    planned_by       VARCHAR(255)  NULL,
    confirmed_by     VARCHAR(255)  NULL,
    confirmed_at     DATETIME(6)   NULL,
    applied_on       DATE          NULL,
    found_at         DATETIME(6)   NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT finding_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
