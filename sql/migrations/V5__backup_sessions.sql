-- Strata catalog, version 5: backup sessions (a backup through the control center: where its packs
-- land, and the snapshot it committed). The repository objects the center keeps for tenants are in
-- the per-database V5_1 (their bytes need each database's binary type).
-- Portable between H2 2.x and PostgreSQL 13+; identifiers are never renamed or reused.

CREATE TABLE backup_session (
    id              CHAR(32)                 NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(63)              NOT NULL REFERENCES tenant (id),
    backup_set_id   VARCHAR(63)              NOT NULL REFERENCES backup_set (id),
    signing_key     CHAR(64)                 NOT NULL,
    node_name       VARCHAR(63)              NOT NULL REFERENCES storage_node (name),
    target_id       VARCHAR(63)              NOT NULL REFERENCES storage_target (id),
    state           VARCHAR(20)              NOT NULL CHECK (state IN ('OPEN', 'COMMITTED', 'ABANDONED')),
    snapshot_id     CHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL
);

CREATE INDEX backup_session_set ON backup_session (backup_set_id, created_at);

-- The target a node's uploads land on (its first disk), as its heartbeats report it.
ALTER TABLE storage_node ADD COLUMN landing_target VARCHAR(63);
