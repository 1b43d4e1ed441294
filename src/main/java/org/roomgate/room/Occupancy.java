package org.roomgate.room;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.roomgate.room.RoomEvents.ParticipationEnded;

/**
 * A room's occupancy, changed in one place (R10): the room's row is locked before anything about
 * its participants is read, a place is taken by an admission and freed by {@link #end} exactly
 * once. The statements are plain SQL so that no entity loaded earlier in the transaction can
 * stand in for what is committed now. Lock order: {@link org.roomgate.locking.AdmissionLocks}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Occupancy {

    static final String LOCK_ROOM =
            "SELECT state FROM conference.room WHERE tenant_id = ? AND id = ? FOR NO KEY UPDATE";
    private static final String END_PARTICIPATION = """
            UPDATE conference.participation SET left_at = ?, leave_reason = ?
            WHERE id = ? AND room_id = ? AND left_at IS NULL""";
    private static final String FREE_PLACE = """
            UPDATE conference.room SET participants_now = participants_now - 1,
                empty_since = CASE WHEN participants_now = 1 THEN ? ELSE empty_since END
            WHERE id = ?""";

    private final Clock clock;
    private final EntityManager entityManager;
    private final Event<ParticipationEnded> ended;

    Occupancy(Clock clock, EntityManager entityManager, Event<ParticipationEnded> ended) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.ended = ended;
    }

    /** Locks the room's row until commit; its state, or empty if the tenant has no such room. */
    public Optional<Room.State> lock(String tenantId, UUID roomId) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement query = bind(connection.prepareStatement(LOCK_ROOM), connection, tenantId, roomId);
                    ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(Room.State.valueOf(row.getString(1))) : Optional.<Room.State>empty();
            }
        });
    }

    /**
     * The one way a participation ends while its room stays open: locks the room, ends the
     * participation only if it is still open as committed now, frees its place once and
     * announces it. Returns whether this call ended it.
     */
    public boolean end(String tenantId, UUID roomId, UUID participationId, Participation.LeaveReason reason) {
        return end(tenantId, roomId, participationId, reason, clock.instant());
    }

    /** {@link #end} at a time a conference backend reported, not the time of this call. */
    public boolean end(String tenantId, UUID roomId, UUID participationId, Participation.LeaveReason reason, Instant now) {
        if (lock(tenantId, roomId).isEmpty()) {
            return false;
        }
        if (update(END_PARTICIPATION, now, reason.name(), participationId, roomId) == 0) {
            return false;
        }
        update(FREE_PLACE, now, roomId);
        ended.fire(new ParticipationEnded(tenantId, roomId, participationId, reason, now));
        return true;
    }

    /** Runs an INSERT, UPDATE or DELETE on the transaction's connection; the number of rows. */
    int update(String sql, Object... parameters) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = bind(connection.prepareStatement(sql), connection, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static PreparedStatement bind(PreparedStatement statement, java.sql.Connection connection, Object... parameters)
            throws java.sql.SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof String[] array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array));
            } else if (value instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
