-- SEC-BK-4 (#15 item 4): a ticket holds its array's scheduled backups only when JPO acknowledged it;
-- tickets acknowledged before this column existed count as the vendor's (they hold nothing).
ALTER TABLE ticket
    ADD COLUMN acknowledged_by_jpo BOOLEAN NOT NULL DEFAULT FALSE;
