-- R-SEC-2: who last recorded the 別紙2 statuses of a security compliance report never approves it; recording them
-- changes the report's version, so an approval names the statuses that were reviewed (If-Match)
ALTER TABLE deliverable
    ADD COLUMN compliance_by    VARCHAR(255) NULL,
    ADD COLUMN compliance_by_id VARCHAR(300) NULL;
