-- Issue 13 holes 1 and 2: the ledger, not the vendor, says what bears data, and every way a medium leaves is recorded.
--  data_bearing             true unless jpo-admin declared otherwise (with a reason, audited, in the history)
--  origin                   LEDGER (registered when installed) or UNREGISTERED_PART (found in the hardware by a
--                           maintenance swap and recorded by jpo-admin afterwards: the ledger gap stays visible)
--  removal_via              how the medium left: REPLACEMENT (maintenance part swap) or SANITIZATION_ORDER
--                           (service-role removal); NULL on a removal recorded before this migration
--  item_condition           unknown (NULL) for an unregistered part
ALTER TABLE medium
    ADD COLUMN data_bearing            BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN not_data_bearing_reason VARCHAR(2000) NULL,
    ADD COLUMN origin                  VARCHAR(24)   NOT NULL DEFAULT 'LEDGER',
    ADD COLUMN origin_reason           VARCHAR(2000) NULL,
    ADD COLUMN removal_via             VARCHAR(24)   NULL,
    MODIFY item_condition VARCHAR(16) NULL;

ALTER TABLE medium_aud
    ADD COLUMN data_bearing            BOOLEAN       NULL,
    ADD COLUMN not_data_bearing_reason VARCHAR(2000) NULL,
    ADD COLUMN origin                  VARCHAR(24)   NULL,
    ADD COLUMN origin_reason           VARCHAR(2000) NULL,
    ADD COLUMN removal_via             VARCHAR(24)   NULL;

-- removals recorded before this migration: a maintenance part swap (it links the new medium and always carried
-- maintenance-service's reference) counts as REPLACEMENT; any other removal stays without removal_via, so that
-- GET /media shows it as removedWithoutCustodyReference (a blocker for the removal gate)
UPDATE medium SET removal_via = 'REPLACEMENT'
 WHERE removed_on IS NOT NULL AND replaced_by_id IS NOT NULL
   AND removal_reference IS NOT NULL AND removal_reference <> '';
