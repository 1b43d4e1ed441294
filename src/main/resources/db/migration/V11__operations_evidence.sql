-- Refused attempts to record (R5): the compliance evidence counts them per tenant. A tenant and
-- a time, nothing else (R4); UNLOGGED like all conference metadata (R9) and purged with it (R8).
CREATE UNLOGGED TABLE conference.recording_refusal (
    id          bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   varchar(63)   NOT NULL,
    refused_at  timestamptz   NOT NULL
);
CREATE INDEX recording_refusal_by_tenant ON conference.recording_refusal (tenant_id, refused_at);
CREATE INDEX recording_refusal_refused_at ON conference.recording_refusal (refused_at);

-- The wipe job's queue and the wipes-pending gauge read closed rooms not yet wiped; without this
-- both scan every closed room kept for up to seven days.
CREATE INDEX room_wipe_pending ON conference.room (closed_at) WHERE state = 'CLOSED' AND wiped_at IS NULL;
