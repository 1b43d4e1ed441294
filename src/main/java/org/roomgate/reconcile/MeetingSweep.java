package org.roomgate.reconcile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.roomgate.backend.BackendConfigService;
import org.roomgate.backend.BackendKind;
import org.roomgate.backend.BackendSettings;
import org.roomgate.backend.BackendUnavailable;
import org.roomgate.backend.Backends;
import org.roomgate.backend.ConferenceBackend;
import org.roomgate.backend.MeetingRoom;
import org.roomgate.problem.DatabaseFailures;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Ends every meeting on a tenant's server that carries roomgate's meeting id for that tenant
 * ({@code <tenant>--<roomId>}) but has no open room: the room was closed and its end never
 * confirmed, or PostgreSQL forgot it in a crash (R9) while pupils stayed in the meeting. A meeting
 * whose id is not roomgate's for the tenant (another application on a shared server, another
 * tenant's) is never touched. Several instances may sweep at once: ending a meeting that is
 * already ended is confirmed like any other end. No transaction is open during a remote call.
 */
@ApplicationScoped
public class MeetingSweep {

    private static final Logger LOG = Logger.getLogger(MeetingSweep.class);

    private final BackendConfigService configs;
    private final Backends backends;
    private final EntityManager entityManager;
    private final MeterRegistry registry;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    MeetingSweep(BackendConfigService configs, Backends backends, EntityManager entityManager, MeterRegistry registry) {
        this.configs = configs;
        this.backends = backends;
        this.entityManager = entityManager;
        this.registry = registry;
        // Present at 0 from the start, so that an alert on its increase sees the first one.
        List.of(BackendKind.BIGBLUEBUTTON, BackendKind.LIVEKIT).forEach(this::endedCounter);
    }

    /** Sweeps every tenant with a backend; returns how many meetings it ended. */
    public int sweepAll() {
        int ended = 0;
        for (String tenantId : tenantsWithBackend()) {
            ended += sweep(tenantId);
        }
        return ended;
    }

    /**
     * Sweeps one tenant's server. A server that does not answer is skipped until the next sweep,
     * logged once until it answers again, so one school's server never stops the others'.
     */
    public int sweep(String tenantId) {
        BackendSettings settings = configs.settingsOf(tenantId);
        ConferenceBackend backend = backends.of(settings.kind());
        List<UUID> ended = new ArrayList<>();
        try {
            List<UUID> listed = backend.runningMeetings(settings).stream()
                    .map(meetingId -> MeetingRoom.roomOf(tenantId, meetingId)).filter(Objects::nonNull).distinct().toList();
            if (listed.isEmpty()) {
                failing.remove(tenantId);
                return 0;
            }
            Set<UUID> open = openAmong(tenantId, listed);
            for (UUID roomId : listed) {
                if (!open.contains(roomId) && backend.endMeeting(settings, MeetingRoom.gone(tenantId, roomId))) {
                    ended.add(roomId);
                }
            }
            failing.remove(tenantId);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            // One school's server (or its settings) must not stop the sweep of the others.
            if (failing.add(tenantId)) {
                LOG.warnf("Meeting sweep of tenant %s: the %s server did not answer (%s); tried again every sweep, "
                        + "logged again once it answered", tenantId, settings.kind(),
                        e instanceof BackendUnavailable ? e.getMessage() : e.getClass().getSimpleName());
            }
        }
        if (!ended.isEmpty()) {
            endedCounter(settings.kind()).increment(ended.size());
            LOG.warnf("Meeting sweep of tenant %s: ended %d %s meeting(s) without an open room: rooms %s", tenantId,
                    ended.size(), settings.kind(), ended);
        }
        return ended.size();
    }

    private Counter endedCounter(BackendKind kind) {
        return Counter.builder("roomgate.reconcile.meetings.ended")
                .description("Backend meetings ended because roomgate had no open room for them")
                .tag("backend", kind.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    List<String> tenantsWithBackend() {
        return entityManager.createNativeQuery("SELECT tenant_id FROM tenant_backend WHERE kind <> 'NATIVE' ORDER BY tenant_id")
                .getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    Set<UUID> openAmong(String tenantId, List<UUID> roomIds) {
        List<String> open = entityManager.createNativeQuery("""
                SELECT CAST(id AS text) FROM conference.room
                WHERE tenant_id = ?1 AND state = 'OPEN' AND CAST(id AS text) = ANY(string_to_array(?2, ','))""")
                .setParameter(1, tenantId)
                .setParameter(2, String.join(",", roomIds.stream().map(UUID::toString).toList()))
                .getResultList();
        Set<UUID> ids = new HashSet<>();
        open.forEach(id -> ids.add(UUID.fromString(id)));
        return ids;
    }
}
