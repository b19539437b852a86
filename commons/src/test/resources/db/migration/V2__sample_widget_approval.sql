-- #15 item 7 sample: an approval sealed by its audit entry (the MAC of that entry is stored on the row).
ALTER TABLE sample_widget
    ADD COLUMN approved    BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN approved_by VARCHAR(255) NULL,
    ADD COLUMN approved_at DATETIME(6)  NULL,
    ADD COLUMN audit_mac   CHAR(64)     NULL;
