-- R-AS-1: the procurement baseline of tables 4.5-2 and 4.5-3 (DOMAIN.md §3), as data. jpo-admin edits it
-- through /baseline; every change goes to the audit trail and to baseline_line_aud.
INSERT INTO baseline_line (item_code, hardware_class, name, name_ja, environment, required_quantity, version) VALUES
('K8S-CP',     'SERVER',     'Kubernetes control plane',  'Kubernetesコントロールプレーン', 'PRODUCTION', 3, 0),
('K8S-WORKER', 'SERVER',     'Kubernetes worker node',    'Kubernetesワーカーノード',       'PRODUCTION', 2, 0),
('VIRT-HOST',  'SERVER',     'virtualization host',       '仮想化基盤サーバ',               'PRODUCTION', 2, 0),
('K8S-ARRAY',  'DISK_ARRAY', 'Kubernetes disk array',     'Kubernetes用ディスクアレイ',      'PRODUCTION', 1, 0),
('VIRT-ARRAY', 'DISK_ARRAY', 'virtualization disk array', '仮想化基盤用ディスクアレイ',     'PRODUCTION', 1, 0),
('L2-SW',      'NETWORK',    'L2 switch',                 'L2スイッチ',                     'PRODUCTION', 2, 0),
('IC-SW',      'NETWORK',    'interconnect switch',       'インターコネクトスイッチ',       'PRODUCTION', 2, 0),
('MGMT-SW',    'NETWORK',    'management switch',         '管理用スイッチ',                 'PRODUCTION', 1, 0),
('CONSOLE',    'CONSOLE',    'console incl. KVM switch',  'コンソール（KVMスイッチ含む）',  'PRODUCTION', 1, 0),
('RACK',       'RACK',       'server rack',               'サーバラック',                   'PRODUCTION', 2, 0),
('K8S-CP',     'SERVER',     'Kubernetes control plane',  'Kubernetesコントロールプレーン', 'STAGING',    3, 0),
('K8S-WORKER', 'SERVER',     'Kubernetes worker node',    'Kubernetesワーカーノード',       'STAGING',    2, 0),
('VIRT-HOST',  'SERVER',     'virtualization host',       '仮想化基盤サーバ',               'STAGING',    1, 0),
('K8S-ARRAY',  'DISK_ARRAY', 'Kubernetes disk array',     'Kubernetes用ディスクアレイ',      'STAGING',    1, 0),
('VIRT-ARRAY', 'DISK_ARRAY', 'virtualization disk array', '仮想化基盤用ディスクアレイ',     'STAGING',    1, 0),
('L2-SW',      'NETWORK',    'L2 switch',                 'L2スイッチ',                     'STAGING',    2, 0),
('IC-SW',      'NETWORK',    'interconnect switch',       'インターコネクトスイッチ',       'STAGING',    2, 0),
('MGMT-SW',    'NETWORK',    'management switch',         '管理用スイッチ',                 'STAGING',    1, 0),
('CONSOLE',    'CONSOLE',    'console incl. KVM switch',  'コンソール（KVMスイッチ含む）',  'STAGING',    1, 0),
('RACK',       'RACK',       'server rack',               'サーバラック',                   'STAGING',    2, 0),
('DIST-BOARD', 'POWER',      'distribution board (shared by both environments)', '架設分電盤', 'SHARED', 1, 0);
