-- The contract as data (DOMAIN.md §2). Signing is planned for June 2026; 2026-06-30 is the planning
-- date until the real one is entered by jpo-admin (PUT /contract, audited).
INSERT INTO contract (id, signing_date, delivery_deadline, extension_limit, production_start, lease_start, lease_end,
                      removal_deadline, contract_end, vendor_organisation, version)
VALUES (1, '2026-06-30', '2027-03-31', '2027-06-30', '2027-04-01', '2027-07-01', '2030-12-31',
        '2031-03-31', '2031-03-31', 'vendor-a', 0);

-- Placeholder monthly amounts (JPY) per expense category (経費区分) until the cost breakdown (R-LC-13)
-- is received; jpo-admin amends them.
INSERT INTO contract_amount (contract_id, category_code, category_name, lease_monthly, maintenance_monthly) VALUES
    (1, 'SERVERS',   'サーバ機器',           4200000, 610000),
    (1, 'STORAGE',   'ディスクアレイ',       1850000, 270000),
    (1, 'NETWORK',   'ネットワーク機器',      720000, 110000),
    (1, 'FACILITY',  'ラック・コンソール・分電盤', 230000,  40000),
    (1, 'SOFTWARE',  'ソフトウェア',          960000, 380000);

INSERT INTO environment_phase (environment, phase, entered_at, version) VALUES
    ('PRODUCTION', 'CONTRACTED', '2026-06-30 00:00:00', 0),
    ('STAGING',    'CONTRACTED', '2026-06-30 00:00:00', 0),
    ('SHARED',     'CONTRACTED', '2026-06-30 00:00:00', 0);

INSERT INTO restoration_item (environment, item_code, label) VALUES
    ('PRODUCTION', 'RACKS',         'ラック撤去'),
    ('PRODUCTION', 'POWER',         '電源'),
    ('PRODUCTION', 'CABLING',       'ケーブル配線撤去'),
    ('PRODUCTION', 'FLOOR',         '床面の原状復帰'),
    ('PRODUCTION', 'NETWORK_PORTS', 'ネットワークポートの原状復帰'),
    ('STAGING',    'RACKS',         'ラック撤去'),
    ('STAGING',    'POWER',         '電源'),
    ('STAGING',    'CABLING',       'ケーブル配線撤去'),
    ('STAGING',    'FLOOR',         '床面の原状復帰'),
    ('STAGING',    'NETWORK_PORTS', 'ネットワークポートの原状復帰'),
    ('SHARED',     'DISTRIBUTION_BOARD', '架設分電盤の撤去と電源の原状復帰');

-- fixed deliverables (DOMAIN.md §2); the biweekly progress reports and the half-yearly security
-- compliance reports are generated from the contract dates at first start (DeliverableSchedule)
INSERT INTO deliverable (kind, rule_id, title, environment, due_date, status, version) VALUES
    ('ENVIRONMENT_DEFINITION', 'R-LC-5',  '環境設定定義書（総合試験／開発機）', 'STAGING',    '2027-03-31', 'PENDING', 0),
    ('ENVIRONMENT_DEFINITION', 'R-LC-5',  '環境設定定義書（本番機）',           'PRODUCTION', '2027-03-31', 'PENDING', 0),
    ('OPERATIONS_MANUAL',      'R-LC-6',  '運用マニュアル',                     NULL,         '2027-03-18', 'PENDING', 0),
    ('INSTALLATION_PLAN',      'R-LC-10', 'ハードウェア導入計画書（リスク管理表を含む）', NULL, '2026-07-14', 'PENDING', 0),
    ('COST_BREAKDOWN',         'R-LC-13', '経費区分ごとの内訳及び割引率',       NULL,         '2026-07-14', 'PENDING', 0);
