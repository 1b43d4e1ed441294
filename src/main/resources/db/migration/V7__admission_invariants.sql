-- Issue 10: what the admission rules promise, checked by the database as well (STYLE habit 6).

-- Two new ways a pupil's participation ends (R1): its consent was outdated by a policy version
-- that requires re-consent, or passed its validUntil during the conference.
ALTER TABLE conference.participation DROP CONSTRAINT participation_leave_reason_check;
ALTER TABLE conference.participation ADD CONSTRAINT participation_leave_reason_check CHECK (leave_reason IN
    ('LEFT', 'CONSENT_WITHDRAWN', 'ROOM_CLOSED', 'IDLE_TIMEOUT', 'MAX_DURATION', 'CONSENT_OUTDATED', 'CONSENT_EXPIRED'));

-- Room durations are bounded (idle timeout ≤ maximum duration ≤ 7 days, R8's limit; the service
-- refuses more than its configured ceiling). Unbounded values once made the auto-close query fail
-- for every tenant. Rooms stored before keep working, cut to the bounds.
UPDATE conference.room SET max_duration_seconds = 604800 WHERE max_duration_seconds > 604800;
UPDATE conference.room SET idle_timeout_seconds = max_duration_seconds WHERE idle_timeout_seconds > max_duration_seconds;
ALTER TABLE conference.room ADD CONSTRAINT room_durations_bounded
    CHECK (idle_timeout_seconds <= max_duration_seconds AND max_duration_seconds <= 604800);

-- The participant limit holds (R10): a room never counts more participants than its limit, and
-- a lower limit is refused while more are inside. A room that an earlier version let exceed its
-- limit gets its occupancy as its limit: nobody is sent out, and nobody more gets in.
UPDATE conference.room SET max_participants = participants_now WHERE participants_now > max_participants;
ALTER TABLE conference.room ADD CONSTRAINT room_occupancy_within_limit CHECK (participants_now <= max_participants);

-- The consent-expiry sweep looks up the subjects of open participations on every run.
CREATE INDEX participation_open_by_subject ON conference.participation (tenant_id, subject_id) WHERE left_at IS NULL;
