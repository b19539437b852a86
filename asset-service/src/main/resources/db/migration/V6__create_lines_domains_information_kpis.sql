-- Sheets 3 (回線), 6 (公開ドメイン), 7 (取扱情報) and 9 (指標, with measured values over time).
CREATE TABLE network_line (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    line_type    VARCHAR(100) NOT NULL,
    service_name VARCHAR(200) NOT NULL,
    carrier      VARCHAR(200) NULL,
    used_from    DATE         NULL,
    used_until   DATE         NULL,
    bandwidth    VARCHAR(64)  NULL,
    version      BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE network_line_aud (
    id           BIGINT       NOT NULL,
    rev          INT          NOT NULL,
    revtype      TINYINT      NULL,
    line_type    VARCHAR(100) NULL,
    service_name VARCHAR(200) NULL,
    carrier      VARCHAR(200) NULL,
    used_from    DATE         NULL,
    used_until   DATE         NULL,
    bandwidth    VARCHAR(64)  NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT network_line_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE public_domain (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    dns_name   VARCHAR(253) NOT NULL,
    expires_on DATE         NULL,
    version    BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE public_domain_aud (
    id         BIGINT       NOT NULL,
    rev        INT          NOT NULL,
    revtype    TINYINT      NULL,
    name       VARCHAR(200) NULL,
    dns_name   VARCHAR(253) NULL,
    expires_on DATE         NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT public_domain_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE handled_information (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    personal_data   BOOLEAN      NOT NULL,
    confidentiality INT          NOT NULL,
    integrity       INT          NOT NULL,
    availability    INT          NOT NULL,
    version         BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE handled_information_aud (
    id              BIGINT       NOT NULL,
    rev             INT          NOT NULL,
    revtype         TINYINT      NULL,
    name            VARCHAR(200) NULL,
    personal_data   BOOLEAN      NULL,
    confidentiality INT          NULL,
    integrity       INT          NULL,
    availability    INT          NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT handled_information_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kpi (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(200)   NOT NULL,
    kpi_class     VARCHAR(100)   NOT NULL,
    planned_value DECIMAL(20, 4) NULL,
    unit          VARCHAR(32)    NULL,
    version       BIGINT         NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kpi_aud (
    id            BIGINT         NOT NULL,
    rev           INT            NOT NULL,
    revtype       TINYINT        NULL,
    name          VARCHAR(200)   NULL,
    kpi_class     VARCHAR(100)   NULL,
    planned_value DECIMAL(20, 4) NULL,
    unit          VARCHAR(32)    NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT kpi_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kpi_measurement (
    id             BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kpi_id         BIGINT         NOT NULL,
    measured_at    DATETIME(6)    NOT NULL,
    measured_value DECIMAL(20, 4) NOT NULL,
    note           VARCHAR(500)   NULL,
    recorded_by    VARCHAR(255)   NOT NULL,
    KEY kpi_measurement_series (kpi_id, measured_at),
    CONSTRAINT kpi_measurement_kpi FOREIGN KEY (kpi_id) REFERENCES kpi (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
