-- The statements of one chat post, as the service executes them in one transaction:
-- room/ParticipantAccess holds the room FOR SHARE (by id, with the token's tenant) and then reads
-- the open participation, both in one round trip (pgjdbc sends BEGIN with them); then
-- content/ContentKeys reads the room's key, ChatService inserts the sealed message (48 bytes of
-- text, 28 of nonce and tag), and the commit.
-- bench/chat.sh makes one copy per room with ROOM_ID, PARTICIPATION_ID and SUBJECT_ID filled in.
\startpipeline
BEGIN;
SELECT state FROM conference.room WHERE tenant_id = 'bench-school' AND id = 'ROOM_ID' FOR SHARE;
SELECT subject_id, display_name, role, capabilities FROM conference.participation
  WHERE id = 'PARTICIPATION_ID' AND room_id = 'ROOM_ID' AND left_at IS NULL;
\endpipeline
SELECT data_key FROM conference.room_key WHERE room_id = 'ROOM_ID';
INSERT INTO conference.chat_message (room_id, tenant_id, participation_id, subject_id, body, created_at)
  VALUES ('ROOM_ID', 'bench-school', 'PARTICIPATION_ID', 'SUBJECT_ID', decode(repeat('ab', 76), 'hex'), now()) RETURNING id;
COMMIT;
