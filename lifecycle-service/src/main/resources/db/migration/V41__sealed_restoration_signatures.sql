-- #15 item 7, R-RM-1: a restoration checklist item JPO signed off carries the MAC of its sign audit entry
-- (support/DecisionSeals); items signed before this migration are sealed once at start-up.
ALTER TABLE restoration_item ADD COLUMN audit_mac CHAR(64) NULL;
