-- Answers kept for Idempotency-Key retries (README "Safe retries"). In the UNLOGGED conference
-- schema: an answer can carry room content or names, so it must never reach the WAL or a backup
-- (R9). The key itself is stored only as its SHA-256, scoped to the caller (tenant and API key or
-- participation): one caller's key never finds another's answer.
CREATE UNLOGGED TABLE conference.idempotency_key (
    tenant_id     varchar(63)   NOT NULL,
    caller_id     varchar(128)  NOT NULL,
    key_hash      bytea         NOT NULL CHECK (octet_length(key_hash) = 32),
    fingerprint   bytea         NOT NULL CHECK (octet_length(fingerprint) = 32),
    -- The room the answer is about: it goes with the room's close (R6) and purge (R8).
    room_id       uuid          REFERENCES conference.room (id) ON DELETE CASCADE,
    status        smallint      NOT NULL CHECK (status BETWEEN 200 AND 299),
    location      varchar(500),
    -- The answer's body, or what a re-derived answer starts from (a join: the participation id);
    -- sealed: encrypted under the room's content key (conference.room_key), which dies at close.
    body          bytea,
    sealed        boolean       NOT NULL,
    created_at    timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, caller_id, key_hash)
);
CREATE INDEX idempotency_key_by_room ON conference.idempotency_key (room_id);
CREATE INDEX idempotency_key_by_age ON conference.idempotency_key (created_at);
