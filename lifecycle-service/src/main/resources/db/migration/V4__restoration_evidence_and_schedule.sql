-- Evidence files (photos, PDF) of the restoration checklist 原状復帰 (R-RM-1): uploaded by the contracted
-- vendor, stored like deliverable files (document table, SHA-256, never rewritten); an item is signed off
-- only with at least one.
CREATE TABLE restoration_evidence (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    restoration_item_id BIGINT       NOT NULL,
    file_sha256         CHAR(64)     NOT NULL,
    file_name           VARCHAR(255) NOT NULL,
    uploaded_by         VARCHAR(255) NOT NULL,
    uploaded_at         DATETIME(6)  NOT NULL,
    UNIQUE KEY restoration_evidence_file (restoration_item_id, file_sha256),
    CONSTRAINT restoration_evidence_item FOREIGN KEY (restoration_item_id) REFERENCES restoration_item (id),
    CONSTRAINT restoration_evidence_document FOREIGN KEY (file_sha256) REFERENCES document (sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The place of a report in the schedule generated from the contract dates (progress reports R-LC-11,
-- security compliance reports R-LC-12): 1, 2, …; NULL for deliverables tracked by hand. An amendment of the
-- contract regenerates the scheduled reports nothing was submitted for.
ALTER TABLE deliverable ADD COLUMN schedule_seq INT NULL;

UPDATE deliverable d
JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY kind ORDER BY due_date, id) AS n
      FROM deliverable
      WHERE (kind = 'PROGRESS_REPORT' AND title LIKE '進捗報告（第%回）')
         OR (kind = 'SECURITY_COMPLIANCE' AND title LIKE '情報セキュリティ対策の実施状況報告（別紙2）第%回')) s
  ON s.id = d.id
SET d.schedule_seq = s.n;
