-- Durable data: the school's policy versions and the consent records that are its proof of
-- consent (GDPR Art. 7(1)). Consent rows are never updated: every grant and every withdrawal
-- is a new row, so the history is the proof.
CREATE TABLE policy_version (
    tenant_id           varchar(63)   NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    version             varchar(64)   NOT NULL,
    -- 1, 2, 3 … in order of publication within the tenant; the highest is the current version.
    seq                 integer       NOT NULL CHECK (seq > 0),
    title               varchar(300)  NOT NULL,
    url                 varchar(2000),
    reconsent_required  boolean       NOT NULL,
    published_at        timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, version),
    UNIQUE (tenant_id, seq)
);

CREATE TABLE consent (
    id                    uuid          PRIMARY KEY,
    -- Total order of a subject's records, even within one clock tick.
    seq                   bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    tenant_id             varchar(63)   NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    subject_id            varchar(128)  NOT NULL CHECK (subject_id ~ '^[A-Za-z0-9._-]{1,128}$'),
    kind                  varchar(16)   NOT NULL CHECK (kind IN ('GRANT', 'WITHDRAWAL')),
    policy_version        varchar(64),
    granted_by_name       varchar(200),
    granted_by_relation   varchar(16)   CHECK (granted_by_relation IN ('GUARDIAN', 'SELF')),
    scopes                text[],
    purposes              text[],
    valid_until           date,
    recorded_at           timestamptz   NOT NULL,
    CHECK (kind = 'WITHDRAWAL' OR (policy_version IS NOT NULL AND granted_by_name IS NOT NULL
        AND granted_by_relation IS NOT NULL AND cardinality(scopes) > 0 AND cardinality(purposes) > 0))
);

-- The join path asks for a subject's latest record.
CREATE INDEX consent_latest_by_subject ON consent (tenant_id, subject_id, seq DESC);
