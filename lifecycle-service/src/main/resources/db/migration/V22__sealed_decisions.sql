-- #15 item 7: every decided row (an approved, rejected or removed handler, a decided delivery extension, production
-- delay or contract amendment, an approved or returned deliverable — the security confirmation included —, a closed
-- lease month with its stored figures, a received archive) carries the MAC of the audit entry that decided it;
-- GET /audit/verify checks the row against that entry (commons SealedState). Rows decided before this migration are
-- sealed once at start-up (support/LegacySeals).
ALTER TABLE approved_handler ADD COLUMN audit_mac CHAR(64) NULL,
    ADD COLUMN audit_action VARCHAR(40) NULL;
ALTER TABLE delivery_extension ADD COLUMN audit_mac CHAR(64) NULL;
ALTER TABLE production_delay ADD COLUMN audit_mac CHAR(64) NULL;
ALTER TABLE contract_amendment ADD COLUMN audit_mac CHAR(64) NULL;
ALTER TABLE deliverable ADD COLUMN audit_mac CHAR(64) NULL;
ALTER TABLE lease_closed_month ADD COLUMN audit_mac CHAR(64) NULL;
ALTER TABLE archive ADD COLUMN audit_mac CHAR(64) NULL;
