package org.roomgate.backend.bbb;

import java.sql.Array;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The current BigBlueButton meeting of each room: its generation, createTime and internal id.
 * Each public method is its own short transaction; none is open while the server is called. A
 * method that reads back what it wrote does so through a private method: ArC intercepts a call
 * to one of this bean's own public methods and would open a new transaction on another
 * connection, which does not see the uncommitted write.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class BbbMeetings {

    /**
     * A room's meeting as roomgate last created it; createTime and internal id are null while it
     * is re-created; {@code startedAt} is when this generation began.
     */
    public record Meeting(int generation, Long createTime, String internalId, List<String> features, Instant startedAt) {
    }

    private final EntityManager entityManager;
    private final Clock clock;

    BbbMeetings(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public Optional<Meeting> current(UUID roomId) {
        return read(roomId);
    }

    /** The generation the next create uses: the current one, or 1 for a room without a meeting yet. */
    public int generationToCreate(String tenantId, UUID roomId) {
        entityManager.createNativeQuery("""
                INSERT INTO conference.backend_meeting (room_id, tenant_id, generation, updated_at, generation_started_at)
                SELECT id, tenant_id, 1, ?2, ?2 FROM conference.room WHERE id = ?1 AND tenant_id = ?3
                ON CONFLICT (room_id) DO NOTHING""")
                .setParameter(1, roomId).setParameter(2, clock.instant()).setParameter(3, tenantId).executeUpdate();
        return read(roomId).map(Meeting::generation).orElse(1);
    }

    /**
     * Starts a deliberate re-creation: from now on, callbacks and events of the current meeting
     * are of an old generation and change nothing in roomgate. Returns the new generation, read
     * in this transaction.
     */
    public int nextGeneration(UUID roomId) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> generation = entityManager.createNativeQuery("""
                UPDATE conference.backend_meeting SET generation = generation + 1, create_time = NULL,
                    internal_meeting_id = NULL, updated_at = ?2, generation_started_at = ?2 WHERE room_id = ?1
                RETURNING generation""")
                .setParameter(1, roomId).setParameter(2, now).getResultList();
        return generation.stream().findFirst().map(Number::intValue).orElse(1);
    }

    /** Records what the server answered to the create of this generation; a later generation wins. */
    public void created(UUID roomId, int generation, long createTime, String internalId, List<String> features) {
        entityManager.createNativeQuery("""
                UPDATE conference.backend_meeting
                SET create_time = ?3, internal_meeting_id = ?4,
                    features = CAST(?5 AS text[]), updated_at = ?6
                WHERE room_id = ?1 AND generation = ?2""")
                .setParameter(1, roomId).setParameter(2, generation).setParameter(3, createTime)
                .setParameter(4, internalId).setParameter(5, "{" + String.join(",", features) + "}")
                .setParameter(6, clock.instant()).executeUpdate();
    }

    private Optional<Meeting> read(UUID roomId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT generation, create_time, internal_meeting_id, features, generation_started_at
                FROM conference.backend_meeting WHERE room_id = ?1""").setParameter(1, roomId).getResultList();
        return rows.stream().findFirst().map(r -> new Meeting(((Number) r[0]).intValue(),
                r[1] == null ? null : ((Number) r[1]).longValue(), (String) r[2], features(r[3]), instant(r[4])));
    }

    private static Instant instant(Object column) {
        if (column instanceof Instant instant) {
            return instant;
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return column instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : null;
    }

    private static List<String> features(Object column) {
        try {
            if (column == null) {
                return null;
            }
            Object array = column instanceof Array sql ? sql.getArray() : column;
            return List.of((String[]) array);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("features column unreadable", e);
        }
    }
}
