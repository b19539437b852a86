-- #15 item 7: a decided row (accepted or rejected evidence, an approved or revoked contractor) carries the MAC of
-- the audit entry that decided it; GET /audit/verify checks the row against that entry (commons SealedState).
ALTER TABLE evidence ADD COLUMN audit_mac CHAR(64) NULL;
ALTER TABLE contractor ADD COLUMN audit_mac CHAR(64) NULL;

-- Accepted evidence stays immutable (R-MT-6). The one UPDATE still allowed on it: sealing a row accepted before
-- this migration (audit_mac from NULL to a MAC, every other column unchanged), done once at start-up.
DROP TRIGGER evidence_worm_update;
DELIMITER $$
CREATE TRIGGER evidence_worm_update BEFORE UPDATE ON evidence FOR EACH ROW
BEGIN
    IF OLD.status = 'ACCEPTED' AND NOT (
            OLD.audit_mac IS NULL AND NEW.audit_mac IS NOT NULL
            AND NEW.id <=> OLD.id AND NEW.item_id <=> OLD.item_id AND NEW.organisation <=> OLD.organisation
            AND NEW.media_type <=> OLD.media_type AND NEW.make <=> OLD.make AND NEW.model <=> OLD.model
            AND NEW.serial <=> OLD.serial AND NEW.method <=> OLD.method AND NEW.technique <=> OLD.technique
            AND NEW.tool <=> OLD.tool AND NEW.tool_version <=> OLD.tool_version
            AND NEW.verification <=> OLD.verification AND NEW.performed_on <=> OLD.performed_on
            AND NEW.place <=> OLD.place AND NEW.performed_by <=> OLD.performed_by
            AND NEW.destination <=> OLD.destination AND NEW.issuer <=> OLD.issuer
            AND NEW.contractor_id <=> OLD.contractor_id AND NEW.status <=> OLD.status
            AND NEW.submitted_by <=> OLD.submitted_by AND NEW.submitted_by_id <=> OLD.submitted_by_id
            AND NEW.submitted_at <=> OLD.submitted_at AND NEW.decided_by <=> OLD.decided_by
            AND NEW.decided_at <=> OLD.decided_at AND NEW.decision_reason <=> OLD.decision_reason
            AND NEW.version <=> OLD.version) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'R-MT-6: accepted evidence is immutable';
    END IF;
END$$
DELIMITER ;
