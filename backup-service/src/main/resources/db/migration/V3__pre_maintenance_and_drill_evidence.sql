-- A policy may take a backup when a maintenance ticket on its array is acknowledged (before the work starts);
-- such a run names its ticket.
ALTER TABLE backup_policy ADD COLUMN backup_before_maintenance BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE backup_run ADD COLUMN ticket_id BIGINT NULL;
ALTER TABLE backup_run ADD KEY backup_run_ticket (ticket_id);

-- R-BK-4: a restore drill's evidence file, stored by SHA-256 and never rewritten (one per drill).
ALTER TABLE restore_drill
    ADD COLUMN evidence_sha256       CHAR(64)     NULL,
    ADD COLUMN evidence_file_name    VARCHAR(200) NULL,
    ADD COLUMN evidence_content_type VARCHAR(100) NULL,
    ADD COLUMN evidence_size         BIGINT       NULL,
    ADD COLUMN evidence_uploaded_by  VARCHAR(190) NULL,
    ADD COLUMN evidence_uploaded_at  DATETIME(6)  NULL;
