-- The statements of one join, as the service executes them: ApiKeyIdentityProvider's key lookup,
-- then AdmissionService.admit's one query (AdmissionState.QUERY) for a pupil already inside; a
-- re-join that changes nothing writes nothing. bench/join.sh makes one copy per room, with
-- ROOM_ID and ROOM_INDEX filled in, and pgbench picks among them at random.
\set pupil random(0, 49) * 40 + ROOM_INDEX
SELECT id, tenant_id, role FROM api_key WHERE key_hash = decode(:keyhash, 'hex') AND revoked_at IS NULL;
BEGIN;
SELECT r.state, r.purpose, r.features, r.max_participants, r.participants_now,
       c.kind, c.valid_until, c.scopes, c.purposes, pv.seq AS policy_seq,
       (SELECT coalesce(max(f.seq), 0) FROM policy_version f
         WHERE f.tenant_id = r.tenant_id AND f.reconsent_required) AS reconsent_floor,
       p.id AS participation_id, p.display_name, p.role, p.allowed, p.capabilities
FROM conference.room r
LEFT JOIN LATERAL (SELECT kind, valid_until, scopes, purposes, policy_version FROM consent
                   WHERE tenant_id = r.tenant_id AND subject_id = 'p-' || :pupil ORDER BY seq DESC LIMIT 1) c ON true
LEFT JOIN policy_version pv ON pv.tenant_id = r.tenant_id AND pv.version = c.policy_version
LEFT JOIN conference.participation p ON p.room_id = r.id AND p.subject_id = 'p-' || :pupil AND p.left_at IS NULL
WHERE r.tenant_id = 'bench-school' AND r.id = 'ROOM_ID'
FOR NO KEY UPDATE OF r;
COMMIT;
