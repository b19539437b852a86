-- Issue 15 item 10: an import accepts version strings of up to 128 characters (longer → 400 naming the place).
ALTER TABLE software     MODIFY product_version  VARCHAR(128) NULL;
ALTER TABLE software_aud MODIFY product_version  VARCHAR(128) NULL;
ALTER TABLE finding      MODIFY software_version VARCHAR(128) NULL;
ALTER TABLE finding_aud  MODIFY software_version VARCHAR(128) NULL;
