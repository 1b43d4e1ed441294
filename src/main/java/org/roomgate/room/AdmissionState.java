package org.roomgate.room;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.roomgate.consent.Consent;
import org.roomgate.consent.ConsentSnapshot;
import org.roomgate.consent.Purpose;

/**
 * Everything a join decides on, read in one query once the subject's and the room's locks are
 * held (never in the statement that waits for them, which would see rows as they were before the
 * wait): the room and its
 * occupancy, the subject's latest consent with the numbers that say whether it still counts,
 * and the subject's open participation in the room, if any.
 */
record AdmissionState(boolean open, Purpose purpose, String[] features, int maxParticipants, int participantsNow,
        ConsentSnapshot consent, UUID participationId, String displayName, Participation.Role role,
        String[] allowed, String[] capabilities) {

    /** Parameters: subject, subject, tenant, room. */
    static final String QUERY = """
            SELECT r.state, r.purpose, r.features, r.max_participants, r.participants_now,
                   c.kind, c.valid_until, c.scopes, c.purposes, pv.seq AS policy_seq,
                   (SELECT coalesce(max(f.seq), 0) FROM policy_version f
                     WHERE f.tenant_id = r.tenant_id AND f.reconsent_required) AS reconsent_floor,
                   p.id AS participation_id, p.display_name, p.role, p.allowed, p.capabilities
            FROM conference.room r
            LEFT JOIN LATERAL (SELECT kind, valid_until, scopes, purposes, policy_version FROM consent
                               WHERE tenant_id = r.tenant_id AND subject_id = ? ORDER BY seq DESC LIMIT 1) c ON true
            LEFT JOIN policy_version pv ON pv.tenant_id = r.tenant_id AND pv.version = c.policy_version
            LEFT JOIN conference.participation p ON p.room_id = r.id AND p.subject_id = ? AND p.left_at IS NULL
            WHERE r.tenant_id = ? AND r.id = ?""";

    static AdmissionState of(ResultSet row) throws SQLException {
        String kind = row.getString("kind");
        ConsentSnapshot consent = new ConsentSnapshot(kind == null ? null : Consent.Kind.valueOf(kind),
                row.getObject("valid_until", java.time.LocalDate.class), strings(row, "scopes"), strings(row, "purposes"),
                (Integer) row.getObject("policy_seq"), row.getInt("reconsent_floor"));
        String role = row.getString("role");
        return new AdmissionState("OPEN".equals(row.getString("state")), Purpose.valueOf(row.getString("purpose")),
                strings(row, "features"), row.getInt("max_participants"), row.getInt("participants_now"), consent,
                row.getObject("participation_id", UUID.class), row.getString("display_name"),
                role == null ? null : Participation.Role.valueOf(role), strings(row, "allowed"), strings(row, "capabilities"));
    }

    private static String[] strings(ResultSet row, String column) throws SQLException {
        java.sql.Array array = row.getArray(column);
        return array == null ? null : (String[]) array.getArray();
    }
}
