-- R-SEC-1: one row that a handler approval (which grants approved-handler in Keycloak before its own
-- transaction commits) and a reconciler pass (which takes the role from every account not APPROVED in
-- committed rows) lock first, so that a pass never sees the granted role without the committed approval.
CREATE TABLE handler_role_lock (
    id INT NOT NULL PRIMARY KEY
) ENGINE=InnoDB;
INSERT INTO handler_role_lock (id) VALUES (1);
