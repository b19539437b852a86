-- asset-service: hardware (sheet 1), its data-bearing media, the procurement baseline (R-AS-1), and the
-- Envers change history (sheet 10: revinfo + *_aud tables, written by Hibernate Envers, never by hand).

CREATE TABLE revinfo (
    rev        INT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
    revtstmp   BIGINT       NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    actor_name VARCHAR(255) NULL,
    KEY revinfo_time (revtstmp)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE baseline_line (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_code         VARCHAR(32)  NOT NULL,
    hardware_class    VARCHAR(16)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    name_ja           VARCHAR(200) NULL,
    environment       VARCHAR(16)  NOT NULL,
    required_quantity INT          NOT NULL,
    version           BIGINT       NOT NULL,
    UNIQUE KEY baseline_line_code_env (item_code, environment)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE baseline_line_aud (
    id                BIGINT       NOT NULL,
    rev               INT          NOT NULL,
    revtype           TINYINT      NULL,
    item_code         VARCHAR(32)  NULL,
    hardware_class    VARCHAR(16)  NULL,
    name              VARCHAR(200) NULL,
    name_ja           VARCHAR(200) NULL,
    environment       VARCHAR(16)  NULL,
    required_quantity INT          NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT baseline_line_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE hardware (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    model_number         VARCHAR(100) NULL,
    manufacturer         VARCHAR(100) NULL,
    hardware_class       VARCHAR(16)  NOT NULL,
    contract_form        VARCHAR(64)  NULL,
    maintenance_deadline DATE         NULL,
    serial_number        VARCHAR(100) NOT NULL,
    environment          VARCHAR(16)  NOT NULL,
    rack                 VARCHAR(64)  NULL,
    rack_position        VARCHAR(32)  NULL,
    status               VARCHAR(16)  NOT NULL,
    delivered_on         DATE         NULL,
    item_condition       VARCHAR(16)  NOT NULL,
    baseline_item        VARCHAR(32)  NULL,
    discontinued         BOOLEAN      NOT NULL DEFAULT FALSE,
    substitute_for_id    BIGINT       NULL,
    version              BIGINT       NOT NULL,
    UNIQUE KEY hardware_serial (serial_number),
    KEY hardware_env_status (environment, status),
    KEY hardware_baseline (baseline_item),
    CONSTRAINT hardware_substitute FOREIGN KEY (substitute_for_id) REFERENCES hardware (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE hardware_aud (
    id                   BIGINT       NOT NULL,
    rev                  INT          NOT NULL,
    revtype              TINYINT      NULL,
    name                 VARCHAR(200) NULL,
    model_number         VARCHAR(100) NULL,
    manufacturer         VARCHAR(100) NULL,
    hardware_class       VARCHAR(16)  NULL,
    contract_form        VARCHAR(64)  NULL,
    maintenance_deadline DATE         NULL,
    serial_number        VARCHAR(100) NULL,
    environment          VARCHAR(16)  NULL,
    rack                 VARCHAR(64)  NULL,
    rack_position        VARCHAR(32)  NULL,
    status               VARCHAR(16)  NULL,
    delivered_on         DATE         NULL,
    item_condition       VARCHAR(16)  NULL,
    baseline_item        VARCHAR(32)  NULL,
    discontinued         BOOLEAN      NULL,
    substitute_for_id    BIGINT       NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT hardware_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- every data-bearing medium ever installed; a removal sets removed_on, the row stays (R-MT-3, R-RM-3)
CREATE TABLE medium (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    hardware_id       BIGINT       NOT NULL,
    kind              VARCHAR(24)  NOT NULL,
    serial_number     VARCHAR(100) NOT NULL,
    make              VARCHAR(100) NULL,
    model             VARCHAR(100) NULL,
    item_condition    VARCHAR(16)  NOT NULL,
    installed_on      DATE         NULL,
    removed_on        DATE         NULL,
    removal_reference VARCHAR(200) NULL,
    replaced_by_id    BIGINT       NULL,
    version           BIGINT       NOT NULL,
    UNIQUE KEY medium_serial (serial_number),
    KEY medium_hardware (hardware_id),
    CONSTRAINT medium_hardware_fk FOREIGN KEY (hardware_id) REFERENCES hardware (id),
    CONSTRAINT medium_replaced_by FOREIGN KEY (replaced_by_id) REFERENCES medium (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE medium_aud (
    id                BIGINT       NOT NULL,
    rev               INT          NOT NULL,
    revtype           TINYINT      NULL,
    hardware_id       BIGINT       NULL,
    kind              VARCHAR(24)  NULL,
    serial_number     VARCHAR(100) NULL,
    make              VARCHAR(100) NULL,
    model             VARCHAR(100) NULL,
    item_condition    VARCHAR(16)  NULL,
    installed_on      DATE         NULL,
    removed_on        DATE         NULL,
    removal_reference VARCHAR(200) NULL,
    replaced_by_id    BIGINT       NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT medium_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
