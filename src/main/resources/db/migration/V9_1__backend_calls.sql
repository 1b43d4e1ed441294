-- Calls a backend owes roomgate's decisions (end a meeting, remove a participant, apply changed
-- rights), kept until the backend confirms them. A durable table on purpose: a meeting that was
-- never ended would outlive its closed room. It holds ids and times only, no personal data, and
-- no call is kept longer than roomgate.backend.give-up-after (at most R8's seven days).
CREATE TABLE backend_call (
    id                  bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id           varchar(63)   NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    backend             varchar(16)   NOT NULL CHECK (backend IN ('BIGBLUEBUTTON', 'LIVEKIT', 'JITSI')),
    type                varchar(24)   NOT NULL CHECK (type IN ('END_MEETING', 'PARTICIPANT_GONE', 'CAPABILITIES_CHANGED')),
    room_id             uuid          NOT NULL,
    participation_id    uuid,
    leave_reason        varchar(24),
    attempts            integer       NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz   NOT NULL,
    created_at          timestamptz   NOT NULL,
    last_outcome        varchar(200)
);
CREATE INDEX backend_call_due ON backend_call (next_attempt_at);
CREATE INDEX backend_call_by_tenant ON backend_call (tenant_id);

-- When the backend confirmed that a closed room's meeting is gone (null for NATIVE).
ALTER TABLE conference.wipe_receipt ADD COLUMN backend_ended_at timestamptz;
