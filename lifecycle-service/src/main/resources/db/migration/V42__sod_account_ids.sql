-- #19, R-SEC-2: segregation of duties compares accounts (token issuer#subject), never display names
-- (preferred_username is not an identity). The records below stored only the name of who wrote them; they now
-- also store the account id. Nullable: rows written before this migration have no id and are compared by the
-- stored name, as before (Caller.requireNotSelf in commons).
ALTER TABLE restoration_item
    ADD COLUMN vendor_note_by_id VARCHAR(300) NULL;

ALTER TABLE restoration_evidence
    ADD COLUMN uploaded_by_id VARCHAR(300) NULL;

ALTER TABLE vendor_copy
    ADD COLUMN recorded_by_id VARCHAR(300) NULL,
    ADD COLUMN disposed_by_id VARCHAR(300) NULL;

ALTER TABLE vendor_copy_evidence
    ADD COLUMN uploaded_by_id VARCHAR(300) NULL;

ALTER TABLE approved_handler
    ADD COLUMN proposed_by_id       VARCHAR(300) NULL,
    ADD COLUMN pending_change_by_id VARCHAR(300) NULL;
