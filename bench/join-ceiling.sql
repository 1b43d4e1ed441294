-- The statements of one join, as the service executes them: ApiKeyIdentityProvider's key lookup,
-- then AdmissionService.admit for a pupil already inside (a re-join that changes nothing writes
-- nothing). The subject's advisory locks (locking/AdmissionLocks), the room's row lock
-- (room/Occupancy) and the one query that reads what the join decides on go in one round trip,
-- as the service sends them (pgjdbc sends BEGIN with them); then the tenant's backend
-- (backend/BackendConfigService.settingsOf) and the commit.
-- bench/join.sh puts AdmissionState.QUERY from the source in place of ADMISSION_QUERY, makes one
-- copy per room with ROOM_ID and ROOM_INDEX filled in, and pgbench picks among them at random.
\set pupil random(0, 49) * 40 + ROOM_INDEX
SELECT id, tenant_id, role FROM api_key WHERE key_hash = decode(:keyhash, 'hex') AND revoked_at IS NULL;
\startpipeline
BEGIN;
SELECT pg_advisory_xact_lock_shared(hashtextextended('roomgate.policy/bench-school', 0)),
       pg_advisory_xact_lock(hashtextextended('roomgate.subject/bench-school/p-' || :pupil, 0));
SELECT state FROM conference.room WHERE tenant_id = 'bench-school' AND id = 'ROOM_ID' FOR NO KEY UPDATE;
ADMISSION_QUERY;
\endpipeline
SELECT kind, url, api_url, api_key, app_id, audience, algorithm, checksum, sealed_secret FROM tenant_backend WHERE tenant_id = 'bench-school';
COMMIT;
