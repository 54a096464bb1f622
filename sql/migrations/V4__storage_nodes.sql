-- Strata catalog, version 4: storage nodes (one per data center, or more), the one-time tokens
-- they enrol with, and which node owns a target.
-- Portable between H2 2.x and PostgreSQL 13+; identifiers are never renamed or reused.

CREATE TABLE storage_node (
    name               VARCHAR(63)              NOT NULL PRIMARY KEY,
    data_center_id     VARCHAR(63)              NOT NULL REFERENCES data_center (id),
    url                VARCHAR(512)             NOT NULL,
    -- SHA-256 (hex) of the node's credential secret; the secret itself is never stored.
    credential_hash    CHAR(64)                 NOT NULL,
    enrolled_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT                   NOT NULL
);

CREATE INDEX storage_node_data_center ON storage_node (data_center_id);

CREATE TABLE enrolment_token (
    id              VARCHAR(16)              NOT NULL PRIMARY KEY,
    data_center_id  VARCHAR(63)              NOT NULL REFERENCES data_center (id),
    secret_hash     CHAR(64)                 NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    used_by         VARCHAR(63),
    version         BIGINT                   NOT NULL
);

-- A target a node reported lives on that node, which probes it; the control center never opens it.
ALTER TABLE storage_target ADD COLUMN node_name VARCHAR(63) REFERENCES storage_node (name);
