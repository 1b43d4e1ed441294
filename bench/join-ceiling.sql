-- The statements of one join, as the service executes them: ApiKeyIdentityProvider's key lookup,
-- then AdmissionService.admit's one query for a pupil already inside (a re-join that changes
-- nothing writes nothing). bench/join.sh puts AdmissionState.QUERY from the source in place of
-- ADMISSION_QUERY, makes one copy per room with ROOM_ID and ROOM_INDEX filled in, and pgbench
-- picks among them at random.
\set pupil random(0, 49) * 40 + ROOM_INDEX
SELECT id, tenant_id, role FROM api_key WHERE key_hash = decode(:keyhash, 'hex') AND revoked_at IS NULL;
BEGIN;
ADMISSION_QUERY;
COMMIT;
