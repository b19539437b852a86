-- Issue 18: the OSV ecosystem of each software row (from its purl type: its version order), withdrawn OSV
-- advisories, and what a CycloneDX SBOM says beyond its components: every bom-ref (merged duplicates keep
-- theirs, pointing at the one software row they were merged into) and the dependency graph.
ALTER TABLE software     ADD COLUMN ecosystem VARCHAR(32) NULL AFTER purl;
ALTER TABLE software_aud ADD COLUMN ecosystem VARCHAR(32) NULL AFTER purl;
ALTER TABLE advisory     ADD COLUMN withdrawn VARCHAR(40) NULL AFTER source;

UPDATE software SET ecosystem = CASE
    WHEN purl LIKE 'pkg:maven/%'  THEN 'Maven'
    WHEN purl LIKE 'pkg:npm/%'    THEN 'npm'
    WHEN purl LIKE 'pkg:pypi/%'   THEN 'PyPI'
    WHEN purl LIKE 'pkg:golang/%' THEN 'Go'
    WHEN purl LIKE 'pkg:deb/ubuntu/%' THEN 'Ubuntu'
    WHEN purl LIKE 'pkg:deb/%'    THEN 'Debian'
    WHEN purl LIKE 'pkg:apk/%'    THEN 'Alpine'
    WHEN purl LIKE 'pkg:rpm/%'    THEN 'Red Hat'
    WHEN purl LIKE 'pkg:gem/%'    THEN 'RubyGems'
    WHEN purl LIKE 'pkg:nuget/%'  THEN 'NuGet'
    WHEN purl LIKE 'pkg:cargo/%'  THEN 'crates.io'
    WHEN purl LIKE 'pkg:composer/%' THEN 'Packagist'
    ELSE NULL END;

CREATE TABLE sbom_ref (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sbom_subject VARCHAR(255)  NOT NULL,
    environment  VARCHAR(16)   NOT NULL,
    bom_ref      VARCHAR(1024) NOT NULL,
    software_id  BIGINT        NULL,
    component_path VARCHAR(1024) NOT NULL,
    KEY sbom_ref_subject (sbom_subject, environment),
    KEY sbom_ref_software (software_id),
    CONSTRAINT sbom_ref_software_fk FOREIGN KEY (software_id) REFERENCES software (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sbom_dependency (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sbom_subject VARCHAR(255)  NOT NULL,
    environment  VARCHAR(16)   NOT NULL,
    ref          VARCHAR(1024) NOT NULL,
    depends_on   VARCHAR(1024) NULL,
    KEY sbom_dependency_subject (sbom_subject, environment)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
