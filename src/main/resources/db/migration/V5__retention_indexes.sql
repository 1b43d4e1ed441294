-- The purge job finds expired metadata by these; without them a purge scans every room (R8).
CREATE INDEX room_closed_at ON conference.room (closed_at) WHERE state = 'CLOSED';
CREATE INDEX room_created_at ON conference.room (created_at);
CREATE INDEX join_denial_denied_at ON conference.join_denial (denied_at);
