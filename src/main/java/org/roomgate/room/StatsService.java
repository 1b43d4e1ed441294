package org.roomgate.room;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.roomgate.consent.ConsentConfig;
import org.roomgate.room.RoomDtos.StatsView;

/** A tenant's figures for dashboards: counts and ages, never names. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatsService {

    private final EntityManager entityManager;
    private final Clock clock;
    private final ZoneId zone;

    private final ConferenceGate backends;

    StatsService(EntityManager entityManager, Clock clock, ConsentConfig consentConfig, ConferenceGate backends) {
        this.entityManager = entityManager;
        this.backends = backends;
        this.clock = clock;
        this.zone = consentConfig.zone();
    }

    public StatsView stats(String tenantId) {
        Instant now = clock.instant();
        Instant startOfDay = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        Object[] rooms = (Object[]) entityManager.createNativeQuery("""
                SELECT count(*) FILTER (WHERE state = 'OPEN'),
                       coalesce(sum(participants_now) FILTER (WHERE state = 'OPEN'), 0),
                       count(*) FILTER (WHERE state = 'CLOSED' AND wiped_at IS NULL),
                       min(created_at)
                FROM conference.room WHERE tenant_id = ?1""")
                .setParameter(1, tenantId).getSingleResult();
        Number joins = (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM conference.participation WHERE tenant_id = ?1 AND joined_at >= ?2")
                .setParameter(1, tenantId).setParameter(2, startOfDay).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> denials = entityManager.createNativeQuery("""
                SELECT reason, count(*) FROM conference.join_denial
                WHERE tenant_id = ?1 AND denied_at >= ?2 GROUP BY reason ORDER BY reason""")
                .setParameter(1, tenantId).setParameter(2, startOfDay).getResultList();
        Map<String, Long> denialsByReason = new LinkedHashMap<>();
        denials.forEach(row -> denialsByReason.put((String) row[0], ((Number) row[1]).longValue()));
        Instant oldest = rooms[3] == null ? null : toInstant(rooms[3]);
        return new StatsView(((Number) rooms[0]).longValue(), ((Number) rooms[1]).longValue(), joins.longValue(),
                denialsByReason, ((Number) rooms[2]).longValue(),
                oldest == null ? null : Math.max(0, now.getEpochSecond() - oldest.getEpochSecond()),
                backends.pendingCalls(tenantId));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
