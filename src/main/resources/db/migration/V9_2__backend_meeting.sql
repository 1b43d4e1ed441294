-- A room's meeting on a backend that keeps meetings (BigBlueButton), in the UNLOGGED conference
-- schema with its room (R9). generation grows with every deliberate re-creation, so callbacks
-- and events of an earlier meeting of the same room are told apart and ignored.
CREATE UNLOGGED TABLE conference.backend_meeting (
    room_id              uuid          PRIMARY KEY REFERENCES conference.room (id) ON DELETE CASCADE,
    tenant_id            varchar(63)   NOT NULL,
    generation           integer       NOT NULL CHECK (generation > 0),
    -- The backend's createTime and internal id of the current meeting; null while it is re-created.
    create_time          bigint,
    internal_meeting_id  varchar(300),
    -- The room's features the meeting was created with: a change needs a new meeting.
    features             text[],
    updated_at           timestamptz   NOT NULL
);
