-- A tenant's conference backend (API.md "Conference backends"). The secret is stored only
-- sealed with AES-256-GCM; the key is a file in the data directory, never in the database.
CREATE TABLE tenant_backend (
    tenant_id       varchar(63)    PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    kind            varchar(16)    NOT NULL CHECK (kind IN ('NATIVE', 'BIGBLUEBUTTON', 'LIVEKIT', 'JITSI')),
    url             varchar(2000),
    api_url         varchar(2000),
    api_key         varchar(200),
    app_id          varchar(200),
    audience        varchar(200),
    algorithm       varchar(8)     CHECK (algorithm IN ('RS256', 'HS256')),
    checksum        varchar(8)     CHECK (checksum IN ('SHA1', 'SHA256', 'SHA384', 'SHA512')),
    sealed_secret   bytea,
    updated_at      timestamptz    NOT NULL,
    CHECK (kind = 'NATIVE' OR url IS NOT NULL),
    CHECK (kind <> 'BIGBLUEBUTTON' OR (sealed_secret IS NOT NULL AND checksum IS NOT NULL)),
    CHECK (kind <> 'LIVEKIT' OR (sealed_secret IS NOT NULL AND api_url IS NOT NULL AND api_key IS NOT NULL)),
    CHECK (kind <> 'JITSI' OR (app_id IS NOT NULL AND algorithm IS NOT NULL
                               AND (algorithm = 'RS256') = (sealed_secret IS NULL)))
);
