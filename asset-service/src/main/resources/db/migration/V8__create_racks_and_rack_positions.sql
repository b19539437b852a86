-- Sheet 5 (施設): the racks of a facility and which hardware item occupies which units of a rack.
CREATE TABLE rack (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility_id      BIGINT         NOT NULL,
    name             VARCHAR(64)    NOT NULL,
    height_units     INT            NOT NULL,
    note             VARCHAR(500)   NULL,
    version          BIGINT         NOT NULL,
    CONSTRAINT rack_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
    CONSTRAINT rack_name_per_facility UNIQUE (facility_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rack_aud (
    id               BIGINT         NOT NULL,
    rev              INT            NOT NULL,
    revtype          TINYINT        NULL,
    facility_id      BIGINT         NULL,
    name             VARCHAR(64)    NULL,
    height_units     INT            NULL,
    note             VARCHAR(500)   NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT rack_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A hardware item mounted in units [bottom_unit, bottom_unit + height_units - 1] of a rack; one place per item.
-- Overlapping unit ranges within a rack are refused by the service (409) under a lock on the rack row.
CREATE TABLE rack_position (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rack_id          BIGINT         NOT NULL,
    hardware_id      BIGINT         NOT NULL,
    bottom_unit      INT            NOT NULL,
    height_units     INT            NOT NULL,
    version          BIGINT         NOT NULL,
    CONSTRAINT rack_position_rack FOREIGN KEY (rack_id) REFERENCES rack (id),
    CONSTRAINT rack_position_hardware FOREIGN KEY (hardware_id) REFERENCES hardware (id),
    CONSTRAINT rack_position_one_per_item UNIQUE (hardware_id),
    CONSTRAINT rack_position_bottom_unit_per_rack UNIQUE (rack_id, bottom_unit)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rack_position_aud (
    id               BIGINT         NOT NULL,
    rev              INT            NOT NULL,
    revtype          TINYINT        NULL,
    rack_id          BIGINT         NULL,
    hardware_id      BIGINT         NULL,
    bottom_unit      INT            NULL,
    height_units     INT            NULL,
    PRIMARY KEY (id, rev),
    CONSTRAINT rack_position_aud_rev FOREIGN KEY (rev) REFERENCES revinfo (rev)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
