-- Conference data lives in its own schema of UNLOGGED tables (R9): they are never written to
-- the WAL, so they never reach replicas, WAL archives or backups built from them. A database
-- crash empties them, which for a live conference is the right trade.
CREATE SCHEMA conference;

CREATE UNLOGGED TABLE conference.room (
    id                      uuid          PRIMARY KEY,
    tenant_id               varchar(63)   NOT NULL REFERENCES public.tenant (id) ON DELETE CASCADE,
    name                    varchar(200)  NOT NULL,
    purpose                 varchar(16)   NOT NULL CHECK (purpose IN ('LESSON', 'SMALL_GROUP', 'ONE_TO_ONE')),
    max_participants        integer       NOT NULL CHECK (max_participants > 0),
    features                text[]        NOT NULL,
    idle_timeout_seconds    bigint        NOT NULL CHECK (idle_timeout_seconds > 0),
    max_duration_seconds    bigint        NOT NULL CHECK (max_duration_seconds > 0),
    state                   varchar(8)    NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
    participants_now        integer       NOT NULL DEFAULT 0 CHECK (participants_now >= 0),
    peak_participants       integer       NOT NULL DEFAULT 0,
    created_at              timestamptz   NOT NULL,
    -- Since when the room is empty: creation, or the moment the last participant left.
    empty_since             timestamptz,
    closed_at               timestamptz,
    close_reason            varchar(16)   CHECK (close_reason IN ('CLOSED', 'IDLE_TIMEOUT', 'MAX_DURATION')),
    -- When the wipe job deleted the room's content for good (R6).
    wiped_at                timestamptz,
    CHECK (purpose <> 'ONE_TO_ONE' OR max_participants <= 2),
    CHECK ((state = 'OPEN') = (closed_at IS NULL))
);

CREATE INDEX room_by_tenant ON conference.room (tenant_id, created_at DESC);
-- The auto-close job scans open rooms only.
CREATE INDEX room_open ON conference.room (created_at) WHERE state = 'OPEN';

CREATE UNLOGGED TABLE conference.participation (
    id                  uuid          PRIMARY KEY,
    tenant_id           varchar(63)   NOT NULL,
    room_id             uuid          NOT NULL REFERENCES conference.room (id) ON DELETE CASCADE,
    subject_id          varchar(128)  NOT NULL,
    display_name        varchar(200)  NOT NULL,
    role                varchar(8)    NOT NULL CHECK (role IN ('PUPIL', 'TEACHER')),
    -- What consent (pupil) or role (teacher) allows, whatever the room offers ...
    allowed             text[]        NOT NULL,
    -- ... and what the participant may do now: the room's features ∩ allowed (R2).
    capabilities        text[]        NOT NULL,
    joined_at           timestamptz   NOT NULL,
    left_at             timestamptz,
    leave_reason        varchar(24)   CHECK (leave_reason IN
                            ('LEFT', 'CONSENT_WITHDRAWN', 'ROOM_CLOSED', 'IDLE_TIMEOUT', 'MAX_DURATION')),
    CHECK ((left_at IS NULL) = (leave_reason IS NULL))
);

-- A subject is in a room at most once at a time; a second join returns the open participation.
CREATE UNIQUE INDEX participation_open_once ON conference.participation (room_id, subject_id) WHERE left_at IS NULL;
CREATE INDEX participation_by_room ON conference.participation (room_id, joined_at);
CREATE INDEX participation_by_subject ON conference.participation (tenant_id, subject_id);

-- Refused joins, for the dashboard's "denials by reason today". No subject, no name: a reason and a time.
CREATE UNLOGGED TABLE conference.join_denial (
    id          bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   varchar(63)   NOT NULL,
    room_id     uuid          NOT NULL,
    reason      varchar(32)   NOT NULL,
    denied_at   timestamptz   NOT NULL
);
CREATE INDEX join_denial_by_tenant ON conference.join_denial (tenant_id, denied_at);
