-- Issue 18 item 4: a hand-entered support deadline that contradicts the stored endoflife.date cycle is kept
-- and flagged (the imported value is named beside it); default product mappings for the baseline's products
-- (data, editable by jpo-admin through /eol-mappings; inserted here, so not in the Envers history until edited).
ALTER TABLE software     ADD COLUMN support_conflict VARCHAR(500) NULL AFTER support_as_of;
ALTER TABLE software_aud ADD COLUMN support_conflict VARCHAR(500) NULL AFTER support_as_of;

INSERT INTO eol_mapping (product, match_kind, pattern, cycle_format, version) VALUES
    ('kubernetes',        'NAME',        'kubernetes',                          'MAJOR_MINOR', 0),
    ('kubernetes',        'PURL_PREFIX', 'pkg:golang/k8s.io/kubernetes@',       'MAJOR_MINOR', 0),
    ('ubuntu',            'NAME',        'ubuntu',                              'MAJOR_MINOR', 0),
    ('ubuntu',            'CPE_PREFIX',  'cpe:2.3:o:canonical:ubuntu_linux:',   'MAJOR_MINOR', 0),
    ('rhel',              'NAME',        'red hat enterprise linux',            'MAJOR',       0),
    ('rhel',              'CPE_PREFIX',  'cpe:2.3:o:redhat:enterprise_linux:',  'MAJOR',       0),
    ('mariadb',           'NAME',        'mariadb',                             'MAJOR_MINOR', 0),
    ('postgresql',        'NAME',        'postgresql',                          'MAJOR',       0),
    ('eclipse-temurin',   'NAME',        'eclipse temurin',                     'MAJOR',       0),
    ('eclipse-temurin',   'NAME',        'eclipse-temurin',                     'MAJOR',       0),
    ('quarkus-framework', 'PURL_PREFIX', 'pkg:maven/io.quarkus/quarkus-core@',  'MAJOR_MINOR', 0),
    ('keycloak',          'PURL_PREFIX', 'pkg:maven/org.keycloak/keycloak-core@', 'MAJOR_MINOR', 0),
    ('keycloak',          'NAME',        'keycloak',                            'MAJOR_MINOR', 0);
