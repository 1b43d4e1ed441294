-- The statements of one chat post, as the service executes them in one transaction:
-- ParticipantAccess reads the room and the participation, ContentAccess holds the room FOR SHARE
-- and reads its key, ChatService inserts the sealed message (48 bytes of text, 28 of nonce and
-- tag). bench/chat.sh makes one copy per room with ROOM_ID and PARTICIPATION_ID filled in.
BEGIN;
SELECT * FROM conference.room WHERE tenant_id = 'bench-school' AND id = 'ROOM_ID';
SELECT * FROM conference.participation WHERE id = 'PARTICIPATION_ID';
SELECT state FROM conference.room WHERE id = 'ROOM_ID' FOR SHARE;
SELECT data_key FROM conference.room_key WHERE room_id = 'ROOM_ID';
INSERT INTO conference.chat_message (room_id, tenant_id, participation_id, subject_id, body, created_at)
  VALUES ('ROOM_ID', 'bench-school', 'PARTICIPATION_ID', 'SUBJECT_ID', decode(repeat('ab', 76), 'hex'), now()) RETURNING id;
COMMIT;
