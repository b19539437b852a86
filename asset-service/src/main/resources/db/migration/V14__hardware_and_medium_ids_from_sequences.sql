-- Issue 18 (bulk import of the standard sheet): hardware and media take their ids from sequences (allocation 50,
-- like software_seq) instead of AUTO_INCREMENT, so that an import of thousands of rows is written in JDBC batches
-- (an IDENTITY insert runs at persist, one statement per row, and ends every batch queued before it).
-- Each sequence starts past the highest id already used: Hibernate's pooled optimizer hands out the 50 ids up to
-- the value it reads (value-49 … value), so the first value is MAX(id) + 50. The AUTO_INCREMENT of the columns
-- stays (rows inserted without an id still get one; ids from the sequence move it on).
SET @kiban_next = (SELECT COALESCE(MAX(id), 0) + 50 FROM hardware);
SET @kiban_ddl = CONCAT('CREATE SEQUENCE hardware_seq START WITH ', @kiban_next, ' INCREMENT BY 50');
PREPARE kiban_stmt FROM @kiban_ddl;
EXECUTE kiban_stmt;
DEALLOCATE PREPARE kiban_stmt;

SET @kiban_next = (SELECT COALESCE(MAX(id), 0) + 50 FROM medium);
SET @kiban_ddl = CONCAT('CREATE SEQUENCE medium_seq START WITH ', @kiban_next, ' INCREMENT BY 50');
PREPARE kiban_stmt FROM @kiban_ddl;
EXECUTE kiban_stmt;
DEALLOCATE PREPARE kiban_stmt;
