-- endoflife.date release data imported offline, and the product mapping (editable by jpo-admin) that says
-- which installed software belongs to which product and how its version gives the cycle.
CREATE TABLE eol_mapping (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    product      VARCHAR(100) NOT NULL,
    match_kind   VARCHAR(16)  NOT NULL,
    pattern      VARCHAR(512) NOT NULL,
    cycle_format VARCHAR(16)  NOT NULL,
    version      BIGINT       NOT NULL,
    KEY eol_mapping_product (product)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE eol_mapping_aud (
    id           BIGINT       NOT NULL,
    rev          INT          NOT NULL,
    revtype      TINYINT      NULL,
    product      VARCHAR(100) NULL,
    match_kind   VARCHAR(16)  NULL,
    pattern      VARCHAR(512) NULL,
    cycle_format VARCHAR(16)  NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT eol_mapping_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE eol_cycle (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    product       VARCHAR(100) NOT NULL,
    cycle         VARCHAR(100) NOT NULL,
    release_date  DATE         NULL,
    eol_date      DATE         NULL,
    eol_ended     BOOLEAN      NOT NULL,
    support_date  DATE         NULL,
    support_ended BOOLEAN      NOT NULL,
    latest        VARCHAR(100) NULL,
    source        VARCHAR(255) NULL,
    as_of         DATE         NOT NULL,
    UNIQUE KEY eol_cycle_product_cycle (product, cycle)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
