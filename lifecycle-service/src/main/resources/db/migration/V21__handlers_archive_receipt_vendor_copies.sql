-- R-SEC-1: the fields of the list of information handlers (情報取扱者名簿, §10.6(1), security 4)).
-- Entries made before this version have them empty; a change proposal fills them in.
ALTER TABLE approved_handler
    ADD COLUMN address        VARCHAR(500)  NULL AFTER name,
    ADD COLUMN date_of_birth  DATE          NULL AFTER address,
    ADD COLUMN department     VARCHAR(200)  NULL AFTER date_of_birth,
    ADD COLUMN job_position   VARCHAR(200)  NULL AFTER department,
    ADD COLUMN track_record   VARCHAR(2000) NULL AFTER expertise,
    -- R-SEC-2: who proposed the waiting change (never its approver)
    ADD COLUMN pending_change_by VARCHAR(255) NULL AFTER pending_change;

-- R-SEC-1: facts recorded once per vendor organisation (capital relations, officers, place of work)
CREATE TABLE vendor_organisation (
    organisation       VARCHAR(128)  NOT NULL PRIMARY KEY,
    capital_relations  VARCHAR(2000) NOT NULL,
    officers           VARCHAR(2000) NOT NULL,
    place_of_work      VARCHAR(1000) NOT NULL,
    recorded_by        VARCHAR(255)  NOT NULL,
    recorded_at        DATETIME(6)   NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- R-RM-4: JPO's receipt of an archive (the SHA-256 JPO computed from the file it downloaded), and the media whose
-- destruction evidence was accepted when the archive was built (so the archive holds their proof)
ALTER TABLE archive
    ADD COLUMN received_sha256 CHAR(64)     NULL,
    ADD COLUMN received_by     VARCHAR(255) NULL,
    ADD COLUMN received_at     DATETIME(6)  NULL;

CREATE TABLE archive_accepted_medium (
    archive_id BIGINT       NOT NULL,
    serial     VARCHAR(128) NOT NULL,
    PRIMARY KEY (archive_id, serial),
    CONSTRAINT archive_accepted_medium_archive FOREIGN KEY (archive_id) REFERENCES archive (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- R-SEC-2: who wrote the restoration note (never the signer)
ALTER TABLE restoration_item ADD COLUMN vendor_note_by VARCHAR(255) NULL AFTER vendor_note;

-- R-RM-4 / security 8): each copy of the work's information the vendor held, how it was returned, destroyed or
-- erased (with evidence files), and JPO's confirmation
CREATE TABLE vendor_copy (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation       VARCHAR(128)  NOT NULL,
    kind               VARCHAR(32)   NOT NULL,
    description        VARCHAR(2000) NOT NULL,
    holder             VARCHAR(255)  NULL,
    status             VARCHAR(16)   NOT NULL,
    recorded_by        VARCHAR(255)  NOT NULL,
    recorded_at        DATETIME(6)   NOT NULL,
    disposition        VARCHAR(16)   NULL,
    disposition_note   VARCHAR(2000) NULL,
    disposed_by        VARCHAR(255)  NULL,
    disposed_at        DATETIME(6)   NULL,
    confirmed_by       VARCHAR(255)  NULL,
    confirmed_at       DATETIME(6)   NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    KEY vendor_copy_org (organisation, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE vendor_copy_evidence (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    vendor_copy_id BIGINT       NOT NULL,
    file_sha256    CHAR(64)     NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    uploaded_by    VARCHAR(255) NOT NULL,
    uploaded_at    DATETIME(6)  NOT NULL,
    UNIQUE KEY vendor_copy_evidence_file (vendor_copy_id, file_sha256),
    CONSTRAINT vendor_copy_evidence_copy FOREIGN KEY (vendor_copy_id) REFERENCES vendor_copy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
