-- The statements one join executes (AdmissionService.admit for a pupil already inside, with the
-- API-key lookup of ApiKeyIdentityProvider), as pgbench runs them: the database's own ceiling.
\set pupil random(0, 1999)
SELECT id, tenant_id, role FROM api_key WHERE key_hash = decode(:keyhash, 'hex') AND revoked_at IS NULL;
BEGIN;
SELECT * FROM conference.room WHERE tenant_id = 'bench-school' AND id = (SELECT id FROM conference.room ORDER BY id OFFSET (:pupil % 40) LIMIT 1) FOR UPDATE;
SELECT * FROM consent WHERE tenant_id = 'bench-school' AND subject_id = 'p-' || :pupil ORDER BY seq DESC LIMIT 1;
SELECT * FROM policy_version WHERE tenant_id = 'bench-school' AND version = '2020-11-19';
SELECT max(seq) FROM policy_version WHERE tenant_id = 'bench-school' AND reconsent_required;
SELECT * FROM conference.participation WHERE room_id = (SELECT id FROM conference.room ORDER BY id OFFSET (:pupil % 40) LIMIT 1) AND subject_id = 'p-' || :pupil AND left_at IS NULL;
COMMIT;
