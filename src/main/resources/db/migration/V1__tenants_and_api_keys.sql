-- Durable data: tenants and their API keys. Ordinary (logged) tables, backed up as usual.
CREATE TABLE tenant (
    id          varchar(63)  PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{2,62}$'),
    name        varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL
);

CREATE TABLE api_key (
    id          uuid         PRIMARY KEY,
    tenant_id   varchar(63)  NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    role        varchar(16)  NOT NULL CHECK (role IN ('PLATFORM', 'DASHBOARD')),
    label       varchar(200) NOT NULL,
    -- SHA-256 of the key; the key itself is never stored.
    key_hash    bytea        NOT NULL CHECK (octet_length(key_hash) = 32),
    created_at  timestamptz  NOT NULL,
    revoked_at  timestamptz
);

-- Every authenticated request looks its key up by hash.
CREATE UNIQUE INDEX api_key_by_hash ON api_key (key_hash);
CREATE INDEX api_key_by_tenant ON api_key (tenant_id);
