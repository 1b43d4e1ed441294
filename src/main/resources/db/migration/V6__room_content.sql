-- Room content (R6): chats, files, whiteboard strokes, polls and statuses, in the UNLOGGED
-- conference schema (R9). Every text and byte of content is AES-256-GCM encrypted with its
-- room's key (nonce || ciphertext || tag); closing a room deletes the key in the same
-- transaction, so content is unreadable at once, and the wipe job deletes it for good.
CREATE UNLOGGED TABLE conference.room_key (
    room_id     uuid    PRIMARY KEY REFERENCES conference.room (id) ON DELETE CASCADE,
    data_key    bytea   NOT NULL CHECK (octet_length(data_key) = 32)
);

CREATE UNLOGGED TABLE conference.chat_message (
    id                bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id           uuid          NOT NULL REFERENCES conference.room (id) ON DELETE CASCADE,
    tenant_id         varchar(63)   NOT NULL,
    participation_id  uuid          NOT NULL,
    subject_id        varchar(128)  NOT NULL,
    body              bytea         NOT NULL,
    created_at        timestamptz   NOT NULL
);
CREATE INDEX chat_message_by_room ON conference.chat_message (room_id, id);
CREATE INDEX chat_message_by_subject ON conference.chat_message (tenant_id, subject_id);

CREATE UNLOGGED TABLE conference.room_file (
    id                uuid          PRIMARY KEY,
    room_id           uuid          NOT NULL REFERENCES conference.room (id) ON DELETE CASCADE,
    tenant_id         varchar(63)   NOT NULL,
    participation_id  uuid          NOT NULL,
    subject_id        varchar(128)  NOT NULL,
    name              bytea         NOT NULL,
    content_type      varchar(200)  NOT NULL,
    size              bigint        NOT NULL CHECK (size >= 0),
    sha256            varchar(64)   NOT NULL,
    data              bytea         NOT NULL,
    created_at        timestamptz   NOT NULL
);
CREATE INDEX room_file_by_room ON conference.room_file (room_id, created_at);
CREATE INDEX room_file_by_subject ON conference.room_file (tenant_id, subject_id);

CREATE UNLOGGED TABLE conference.whiteboard_stroke (
    id                bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id           uuid          NOT NULL REFERENCES conference.room (id) ON DELETE CASCADE,
    tenant_id         varchar(63)   NOT NULL,
    participation_id  uuid          NOT NULL,
    subject_id        varchar(128)  NOT NULL,
    data              bytea         NOT NULL,
    created_at        timestamptz   NOT NULL
);
CREATE INDEX whiteboard_stroke_by_room ON conference.whiteboard_stroke (room_id, id);
CREATE INDEX whiteboard_stroke_by_subject ON conference.whiteboard_stroke (tenant_id, subject_id);

CREATE UNLOGGED TABLE conference.poll (
    id                uuid          PRIMARY KEY,
    room_id           uuid          NOT NULL REFERENCES conference.room (id) ON DELETE CASCADE,
    participation_id  uuid          NOT NULL,
    question          bytea         NOT NULL,
    options           bytea         NOT NULL,
    option_count      integer       NOT NULL CHECK (option_count BETWEEN 2 AND 10),
    created_at        timestamptz   NOT NULL
);
CREATE INDEX poll_by_room ON conference.poll (room_id);

CREATE UNLOGGED TABLE conference.poll_vote (
    poll_id           uuid          NOT NULL REFERENCES conference.poll (id) ON DELETE CASCADE,
    participation_id  uuid          NOT NULL,
    room_id           uuid          NOT NULL REFERENCES conference.room (id) ON DELETE CASCADE,
    tenant_id         varchar(63)   NOT NULL,
    subject_id        varchar(128)  NOT NULL,
    choice            bytea         NOT NULL,
    created_at        timestamptz   NOT NULL,
    -- One vote per participant and poll.
    PRIMARY KEY (poll_id, participation_id)
);
CREATE INDEX poll_vote_by_room ON conference.poll_vote (room_id);
CREATE INDEX poll_vote_by_subject ON conference.poll_vote (tenant_id, subject_id);

CREATE UNLOGGED TABLE conference.participant_status (
    participation_id  uuid          PRIMARY KEY REFERENCES conference.participation (id) ON DELETE CASCADE,
    room_id           uuid          NOT NULL REFERENCES conference.room (id) ON DELETE CASCADE,
    status            varchar(16)   NOT NULL CHECK (status IN ('RAISED_HAND', 'AWAY', 'NONE'))
);
CREATE INDEX participant_status_by_room ON conference.participant_status (room_id);

-- Proof of the wipe: counts and times, no content, no names.
CREATE UNLOGGED TABLE conference.wipe_receipt (
    room_id                 uuid          PRIMARY KEY REFERENCES conference.room (id) ON DELETE CASCADE,
    tenant_id               varchar(63)   NOT NULL,
    closed_at               timestamptz   NOT NULL,
    content_unreadable_at   timestamptz   NOT NULL,
    wiped_at                timestamptz,
    chat_messages           integer,
    files                   integer,
    file_bytes              bigint,
    whiteboard_strokes      integer,
    poll_votes              integer
);
