-- backup-service: targets, policies, the run ledger and restore drills (R-BK-1…R-BK-5).
CREATE TABLE backup_target (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    array_kind        VARCHAR(16)  NOT NULL,
    array_hardware_id VARCHAR(64)  NOT NULL,
    environment       VARCHAR(16)  NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    name              VARCHAR(253) NOT NULL,
    pvc_selector      VARCHAR(500) NULL,
    description       VARCHAR(500) NULL,
    created_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL,
    UNIQUE KEY backup_target_identity (environment, array_kind, kind, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE backup_policy (
    id                        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                      VARCHAR(120) NOT NULL,
    cron                      VARCHAR(120) NOT NULL,
    time_zone                 VARCHAR(64)  NOT NULL,
    level                     VARCHAR(16)  NOT NULL,
    keep_last                 INT          NOT NULL,
    keep_daily                INT          NOT NULL,
    keep_weekly               INT          NOT NULL,
    keep_monthly              INT          NOT NULL,
    completion_window_minutes INT          NOT NULL,
    blackout_windows          TEXT         NOT NULL,
    paused                    BOOLEAN      NOT NULL,
    hold_during_maintenance   BOOLEAN      NOT NULL,
    catch_up                  BOOLEAN      NOT NULL,
    driver                    VARCHAR(32)  NOT NULL,
    driver_settings           TEXT         NOT NULL,
    schedule_from             DATETIME(6)  NOT NULL,
    reconciled_until          DATETIME(6)  NULL,
    created_at                DATETIME(6)  NOT NULL,
    updated_at                DATETIME(6)  NOT NULL,
    version                   BIGINT       NOT NULL,
    UNIQUE KEY backup_policy_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE backup_policy_target (
    policy_id BIGINT NOT NULL,
    target_id BIGINT NOT NULL,
    PRIMARY KEY (policy_id, target_id),
    KEY backup_policy_target_target (target_id),
    CONSTRAINT fk_policy_target_policy FOREIGN KEY (policy_id) REFERENCES backup_policy (id) ON DELETE CASCADE,
    CONSTRAINT fk_policy_target_target FOREIGN KEY (target_id) REFERENCES backup_target (id)
) ENGINE=InnoDB;

-- The run ledger: one row per expected fire time and target. running_target_id is set only while a
-- run is RUNNING, so the unique key lets one target have at most one running run across the cluster.
CREATE TABLE backup_run (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    policy_id          BIGINT        NOT NULL,
    target_id          BIGINT        NOT NULL,
    expected_fire_time DATETIME(6)   NOT NULL,
    trigger_kind       VARCHAR(16)   NOT NULL,
    state              VARCHAR(20)   NOT NULL,
    running_target_id  BIGINT        NULL,
    instance_id        VARCHAR(190)  NULL,
    started_at         DATETIME(6)   NULL,
    ended_at           DATETIME(6)   NULL,
    heartbeat_at       DATETIME(6)   NULL,
    bytes              BIGINT        NULL,
    driver             VARCHAR(32)   NOT NULL,
    driver_reference   VARCHAR(500)  NULL,
    error              VARCHAR(2000) NULL,
    note               VARCHAR(1000) NULL,
    requested_by       VARCHAR(190)  NULL,
    pruned_at          DATETIME(6)   NULL,
    recorded_at        DATETIME(6)   NOT NULL,
    version            BIGINT        NOT NULL,
    UNIQUE KEY backup_run_fire_time (policy_id, target_id, expected_fire_time),
    UNIQUE KEY backup_run_one_running (running_target_id),
    KEY backup_run_target_state (target_id, state, ended_at),
    KEY backup_run_state (state),
    CONSTRAINT fk_run_policy FOREIGN KEY (policy_id) REFERENCES backup_policy (id),
    CONSTRAINT fk_run_target FOREIGN KEY (target_id) REFERENCES backup_target (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE restore_drill (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    target_id         BIGINT        NOT NULL,
    run_id            BIGINT        NOT NULL,
    performed_by      VARCHAR(190)  NOT NULL,
    performed_by_org  VARCHAR(64)   NULL,
    performed_at      DATETIME(6)   NOT NULL,
    duration_seconds  BIGINT        NOT NULL,
    result            VARCHAR(16)   NOT NULL,
    notes             TEXT          NULL,
    evidence          VARCHAR(500)  NULL,
    recorded_at       DATETIME(6)   NOT NULL,
    KEY restore_drill_target (target_id, performed_at),
    CONSTRAINT fk_drill_target FOREIGN KEY (target_id) REFERENCES backup_target (id),
    CONSTRAINT fk_drill_run FOREIGN KEY (run_id) REFERENCES backup_run (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
