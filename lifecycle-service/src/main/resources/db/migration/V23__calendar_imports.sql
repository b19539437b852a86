-- Issue #18 "the calendar as data": the national holidays are imported from the Cabinet Office list (内閣府
-- syukujitsu.csv, Shift_JIS, as published) by POST /calendar/holidays/import; each import is kept with its file name,
-- SHA-256 and as-of date, and the last year it holds officially (official_through). Years after the highest
-- official_through keep the computed holidays (V3, holiday_jp) and every answer depending on them says computed.
CREATE TABLE calendar_import (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    file_name        VARCHAR(255)  NOT NULL,
    sha256           CHAR(64)      NULL,
    as_of            DATE          NULL,
    first_date       DATE          NOT NULL,
    last_date        DATE          NOT NULL,
    official_through INT           NOT NULL,
    rows_in_file     INT           NOT NULL,
    rows_stored      INT           NOT NULL,
    source           VARCHAR(500)  NOT NULL,
    imported_by      VARCHAR(255)  NOT NULL,
    imported_at      DATETIME(6)   NOT NULL,
    UNIQUE KEY calendar_import_sha256 (sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The initial state: V3's rows, of which 2026-2027 equal the Cabinet Office list and 2028-2031 are computed.
INSERT INTO calendar_import (file_name, sha256, as_of, first_date, last_date, official_through, rows_in_file,
        rows_stored, source, imported_by, imported_at)
    VALUES ('V3__business_calendar.sql', NULL, NULL, '2026-01-01', '2031-12-31', 2027, 108, 108,
        'holiday_jp holidays.yml @ f9d2e3c5 (2026-2027 = Cabinet Office syukujitsu.csv; 2028-2031 computed)',
        'flyway', UTC_TIMESTAMP(6));

ALTER TABLE calendar_holiday ADD COLUMN import_id BIGINT NULL,
    ADD CONSTRAINT calendar_holiday_import FOREIGN KEY (import_id) REFERENCES calendar_import (id);
