-- A sample resource that exercises the commons mechanics in tests only.
CREATE TABLE sample_widget (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    organisation VARCHAR(64)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    quantity     INT          NOT NULL,
    parent_id    BIGINT       NULL,
    version      BIGINT       NOT NULL,
    UNIQUE KEY sample_widget_name (name)
) ENGINE=InnoDB;
