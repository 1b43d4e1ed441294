-- One row that lives exactly as long as the conference schema's contents (R9): PostgreSQL empties
-- UNLOGGED tables in crash recovery and on a promoted standby, while flyway_schema_history, which
-- says this row was written, is durable. A missing row therefore says that roomgate has forgotten
-- the rooms it opened, whose meetings may still run on a backend (reconcile/MeetingSweepJob).
CREATE UNLOGGED TABLE conference.schema_mark (
    id          smallint      PRIMARY KEY CHECK (id = 1),
    written_at  timestamptz   NOT NULL
);
INSERT INTO conference.schema_mark (id, written_at) VALUES (1, now());
