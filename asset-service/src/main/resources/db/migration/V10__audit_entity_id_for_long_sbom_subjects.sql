-- Issue 15 item 7: an SBOM subject (host or image name) may be up to 255 characters; the import's audit entry
-- names the subject as its entity id, which was VARCHAR(128) (a 129–255 character subject failed with 500).
ALTER TABLE audit_entry MODIFY entity_id VARCHAR(255) NOT NULL;
