-- When the current generation of a room's BigBlueButton meeting began (the first create, or the
-- start of a deliberate re-creation). A participation that ended before it cannot be inside the
-- current meeting: its join URLs carry an earlier createTime and /enter refuses it, so a second
-- call to take it out needs no second re-creation. The default serves an instance of the previous
-- version that still inserts without the column while a rolling update runs.
ALTER TABLE conference.backend_meeting ADD COLUMN generation_started_at timestamptz NOT NULL DEFAULT now();
UPDATE conference.backend_meeting SET generation_started_at = updated_at;
