-- #15 item 7, R-RM-4: a vendor copy JPO confirmed carries the MAC of its confirm audit entry (support/DecisionSeals);
-- copies confirmed before this migration are sealed once at start-up.
ALTER TABLE vendor_copy ADD COLUMN audit_mac CHAR(64) NULL;
