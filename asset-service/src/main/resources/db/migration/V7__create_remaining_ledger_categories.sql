-- Sheets 4 (外部サービス), 5 (施設), 8 (情報セキュリティ要件), 11 (作業実績・リスク・課題), 12 (スケジュール・工数).
CREATE TABLE external_service (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name             VARCHAR(200)   NOT NULL,
    usage_form       VARCHAR(200)   NULL,
    used_from        DATE           NULL,
    used_until       DATE           NULL,
    version          BIGINT         NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE external_service_aud (
    id               BIGINT         NOT NULL,
    rev              INT            NOT NULL,
    revtype          TINYINT        NULL,
    name             VARCHAR(200)   NULL,
    usage_form       VARCHAR(200)   NULL,
    used_from        DATE           NULL,
    used_until       DATE           NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT external_service_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE facility (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name             VARCHAR(200)   NOT NULL,
    form             VARCHAR(100)   NULL,
    address          VARCHAR(300)   NULL,
    durability       VARCHAR(200)   NULL,
    rack_count       INT            NULL,
    racks            VARCHAR(1000)  NULL,
    zones            VARCHAR(500)   NULL,
    version          BIGINT         NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE facility_aud (
    id               BIGINT         NOT NULL,
    rev              INT            NOT NULL,
    revtype          TINYINT        NULL,
    name             VARCHAR(200)   NULL,
    form             VARCHAR(100)   NULL,
    address          VARCHAR(300)   NULL,
    durability       VARCHAR(200)   NULL,
    rack_count       INT            NULL,
    racks            VARCHAR(1000)  NULL,
    zones            VARCHAR(500)   NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT facility_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE security_requirement (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code             VARCHAR(32)    NOT NULL,
    requirement      VARCHAR(1000)  NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    note             VARCHAR(1000)  NULL,
    version          BIGINT         NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE security_requirement_aud (
    id               BIGINT         NOT NULL,
    rev              INT            NOT NULL,
    revtype          TINYINT        NULL,
    code             VARCHAR(32)    NULL,
    requirement      VARCHAR(1000)  NULL,
    status           VARCHAR(16)    NULL,
    note             VARCHAR(1000)  NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT security_requirement_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE work_record (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind             VARCHAR(16)    NOT NULL,
    recorded_on      DATE           NOT NULL,
    title            VARCHAR(200)   NOT NULL,
    description      VARCHAR(2000)  NULL,
    owner            VARCHAR(200)   NULL,
    state            VARCHAR(32)    NULL,
    due_on           DATE           NULL,
    version          BIGINT         NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE work_record_aud (
    id               BIGINT         NOT NULL,
    rev              INT            NOT NULL,
    revtype          TINYINT        NULL,
    kind             VARCHAR(16)    NULL,
    recorded_on      DATE           NULL,
    title            VARCHAR(200)   NULL,
    description      VARCHAR(2000)  NULL,
    owner            VARCHAR(200)   NULL,
    state            VARCHAR(32)    NULL,
    due_on           DATE           NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT work_record_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE schedule_item (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    task             VARCHAR(200)   NOT NULL,
    planned_start    DATE           NULL,
    planned_end      DATE           NULL,
    actual_start     DATE           NULL,
    actual_end       DATE           NULL,
    planned_effort   DECIMAL(10, 2) NULL,
    actual_effort    DECIMAL(10, 2) NULL,
    version          BIGINT         NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE schedule_item_aud (
    id               BIGINT         NOT NULL,
    rev              INT            NOT NULL,
    revtype          TINYINT        NULL,
    task             VARCHAR(200)   NULL,
    planned_start    DATE           NULL,
    planned_end      DATE           NULL,
    actual_start     DATE           NULL,
    actual_end       DATE           NULL,
    planned_effort   DECIMAL(10, 2) NULL,
    actual_effort    DECIMAL(10, 2) NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT schedule_item_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
