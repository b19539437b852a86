-- Run once by the MariaDB image's entrypoint on an empty datadir (/docker-entrypoint-initdb.d);
-- idempotent, so docs/deploy.md re-runs it after adding a database. One database per service
-- (kiban_<service>, the default of commons' quarkus.datasource.jdbc.url) and one for Keycloak.
CREATE DATABASE IF NOT EXISTS kiban_asset       CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS kiban_maintenance CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS kiban_backup      CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS kiban_lifecycle   CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS keycloak          CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
