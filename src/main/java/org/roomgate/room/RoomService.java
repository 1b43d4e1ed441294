package org.roomgate.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.roomgate.consent.Capability;
import org.roomgate.consent.Purpose;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.room.RoomDtos.AttendanceEntry;
import org.roomgate.room.RoomDtos.RoomPatch;
import org.roomgate.room.RoomDtos.RoomRequest;
import org.roomgate.room.RoomDtos.RoomView;
import org.roomgate.room.RoomDtos.WipeView;
import org.roomgate.room.RoomEvents.CapabilitiesChanged;
import org.roomgate.room.RoomEvents.RoomClosed;
import org.roomgate.room.RoomEvents.RoomOpened;

import io.quarkus.runtime.StartupEvent;

/** Rooms of a tenant: creation within the limits, changes, closing and the metadata views. */
@ApplicationScoped
@Transactional
public class RoomService {

    private static final Logger LOG = Logger.getLogger(RoomService.class);
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    private static final int ONE_TO_ONE_LIMIT = 2;
    private static final String DUE = """
            (extract(epoch FROM CAST(:now AS timestamptz) - created_at) >= max_duration_seconds
             OR (participants_now = 0 AND extract(epoch FROM CAST(:now AS timestamptz) - empty_since) >= idle_timeout_seconds))""";

    private final Clock clock;
    private final RoomsConfig config;
    private final Event<RoomOpened> opened;
    private final Event<RoomClosed> closed;
    private final Event<CapabilitiesChanged> changed;
    private final RecordingRefusals recordings;

    RoomService(Clock clock, RoomsConfig config, Event<RoomOpened> opened, Event<RoomClosed> closed,
            Event<CapabilitiesChanged> changed, RecordingRefusals recordings) {
        this.clock = clock;
        this.config = config;
        this.opened = opened;
        this.closed = closed;
        this.changed = changed;
        this.recordings = recordings;
    }

    public RoomView create(String tenantId, RoomRequest request) {
        recordings.refuse(tenantId, request.recording(), request.features());
        Set<Capability> features = RoomFeatures.parse(request.features());
        Room room = new Room();
        room.id = UUID.randomUUID();
        room.tenantId = tenantId;
        room.name = request.name().strip();
        room.purpose = request.purpose();
        room.maxParticipants = checkedCapacity(request.purpose(), request.maxParticipants() == null
                ? defaultCapacity(request.purpose()) : request.maxParticipants());
        room.features = RoomFeatures.toColumn(features);
        Duration maxDuration = request.maxDuration() == null ? config.defaultMaxDuration() : request.maxDuration();
        // A default idle timeout longer than the room may last would only refuse the request.
        Duration idleTimeout = request.idleTimeout() == null ? min(config.defaultIdleTimeout(), maxDuration)
                : request.idleTimeout();
        checkTimes(idleTimeout, maxDuration, request.idleTimeout() != null);
        room.idleTimeoutSeconds = idleTimeout.toSeconds();
        room.maxDurationSeconds = maxDuration.toSeconds();
        room.state = Room.State.OPEN;
        room.createdAt = clock.instant();
        room.emptySince = room.createdAt;
        room.persist();
        opened.fire(new RoomOpened(tenantId, room.id));
        LOG.infof("Room %s created for tenant %s (%s, max %d)", room.id, tenantId, room.purpose, room.maxParticipants);
        return view(room);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RoomView> list(String tenantId, Room.State state) {
        return Room.listOfTenant(tenantId, state).stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RoomView get(String tenantId, UUID roomId) {
        return view(require(tenantId, roomId));
    }

    /**
     * Changes an open room; a narrower feature set applies to everyone inside at once (R2). A
     * limit below the participants inside is refused with 409: the limit always holds (R10).
     */
    public RoomView patch(String tenantId, UUID roomId, RoomPatch patch) {
        recordings.refuse(tenantId, patch.recording(), patch.features());
        Room room = Room.lockOfTenant(tenantId, roomId).orElseThrow(() -> DomainException.notFound("Room"));
        if (!room.isOpen()) {
            throw new DomainException(ProblemType.ROOM_CLOSED, "A closed room cannot be changed.");
        }
        if (patch.name() != null) {
            room.name = patch.name().strip();
        }
        if (patch.maxParticipants() != null) {
            room.maxParticipants = checkedCapacity(room.purpose, patch.maxParticipants());
            if (room.maxParticipants < room.participantsNow) {
                throw new DomainException(ProblemType.CONFLICT, room.participantsNow + " participants are in the room; "
                        + "its limit cannot be lowered below that while they are (nobody is sent out by a change).", "R10");
            }
        }
        Duration idleTimeout = patch.idleTimeout() == null ? room.idleTimeout() : patch.idleTimeout();
        Duration maxDuration = patch.maxDuration() == null ? room.maxDuration() : patch.maxDuration();
        checkTimes(idleTimeout, maxDuration, patch.idleTimeout() != null);
        room.idleTimeoutSeconds = idleTimeout.toSeconds();
        room.maxDurationSeconds = maxDuration.toSeconds();
        if (patch.features() != null) {
            Set<Capability> features = RoomFeatures.parse(patch.features());
            room.features = RoomFeatures.toColumn(features);
            for (Participation p : Participation.listOpenInRoom(room.id)) {
                if (p.grant(features)) {
                    changed.fire(new CapabilitiesChanged(p.tenantId, p.roomId, p.id, p.capabilityList()));
                }
            }
        }
        return view(room);
    }

    /** Closes the room for everyone in it; closing a closed room changes nothing. */
    public RoomView close(String tenantId, UUID roomId) {
        Room room = Room.lockOfTenant(tenantId, roomId).orElseThrow(() -> DomainException.notFound("Room"));
        closeLocked(room, Room.CloseReason.CLOSED);
        return view(room);
    }

    /**
     * Rooms idle past their timeout or past their maximum duration, oldest first, without those
     * in {@code skip}. Read without locks: {@link #closeIfDue} decides on each again under its lock.
     * The times are compared as numbers of seconds, so no row's values can overflow an interval.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> dueRooms(int limit, Collection<UUID> skip) {
        @SuppressWarnings("unchecked")
        List<UUID> due = Room.getEntityManager().createNativeQuery("SELECT id FROM conference.room WHERE state = 'OPEN' AND "
                + DUE + " AND NOT id = ANY(CAST(:skip AS uuid[])) ORDER BY created_at LIMIT :limit", UUID.class)
                .setParameter("now", clock.instant())
                .setParameter("skip", skip.toArray(UUID[]::new))
                .setParameter("limit", limit)
                .getResultList();
        return due;
    }

    /**
     * Closes the room if it is still due, in a transaction of its own, so one room that cannot be
     * closed never keeps the others open. A room locked by someone else is skipped (SKIP LOCKED):
     * the next run takes it, and several instances never close one room twice.
     */
    public boolean closeIfDue(UUID roomId) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Room> due = Room.getEntityManager().createNativeQuery("SELECT * FROM conference.room WHERE id = :id"
                + " AND state = 'OPEN' AND " + DUE + " FOR NO KEY UPDATE SKIP LOCKED", Room.class)
                .setParameter("id", roomId)
                .setParameter("now", now)
                .getResultList();
        for (Room room : due) {
            boolean overLong = !room.createdAt.plus(room.maxDuration()).isAfter(now);
            closeLocked(room, overLong ? Room.CloseReason.MAX_DURATION : Room.CloseReason.IDLE_TIMEOUT);
        }
        return !due.isEmpty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AttendanceEntry> attendance(String tenantId, UUID roomId) {
        Room room = require(tenantId, roomId);
        return Participation.listOfRoom(room.id).stream()
                .map(p -> new AttendanceEntry(p.id, p.subjectId, p.displayName, p.role, p.joinedAt, p.leftAt, p.leaveReason))
                .toList();
    }

    private void closeLocked(Room room, Room.CloseReason reason) {
        if (!room.isOpen()) {
            return;
        }
        Instant now = clock.instant();
        Participation.LeaveReason leaveReason = switch (reason) {
            case CLOSED -> Participation.LeaveReason.ROOM_CLOSED;
            case IDLE_TIMEOUT -> Participation.LeaveReason.IDLE_TIMEOUT;
            case MAX_DURATION -> Participation.LeaveReason.MAX_DURATION;
        };
        for (Participation p : Participation.listOpenInRoom(room.id)) {
            p.leftAt = now;
            p.leaveReason = leaveReason;
        }
        room.participantsNow = 0;
        room.emptySince = now;
        room.state = Room.State.CLOSED;
        room.closedAt = now;
        room.closeReason = reason;
        closed.fire(new RoomClosed(room.tenantId, room.id, now));
        LOG.infof("Room %s of tenant %s closed (%s)", room.id, room.tenantId, reason);
    }

    private Room require(String tenantId, UUID roomId) {
        return Room.findOfTenant(tenantId, roomId).orElseThrow(() -> DomainException.notFound("Room"));
    }

    private int defaultCapacity(Purpose purpose) {
        return purpose == Purpose.ONE_TO_ONE ? ONE_TO_ONE_LIMIT : config.maxParticipantsCeiling();
    }

    private int checkedCapacity(Purpose purpose, int requested) {
        if (purpose == Purpose.ONE_TO_ONE && requested > ONE_TO_ONE_LIMIT) {
            throw DomainException.invalid("maxParticipants", "a ONE_TO_ONE room allows at most 2 participants");
        }
        if (requested > config.maxParticipantsCeiling()) {
            throw DomainException.invalid("maxParticipants", "must be at most " + config.maxParticipantsCeiling());
        }
        return requested;
    }

    /**
     * Bounds that keep the auto-close arithmetic sane for every row (and that the database checks
     * too): PT1S ≤ idleTimeout ≤ maxDuration ≤ the configured ceiling. The field named is the one
     * the request set.
     */
    private void checkTimes(Duration idleTimeout, Duration maxDuration, boolean idleTimeoutGiven) {
        if (idleTimeout.compareTo(MIN_TIMEOUT) < 0) {
            throw DomainException.invalid("idleTimeout", "must be at least PT1S");
        }
        if (maxDuration.compareTo(MIN_TIMEOUT) < 0) {
            throw DomainException.invalid("maxDuration", "must be at least PT1S");
        }
        if (maxDuration.compareTo(config.maxDurationCeiling()) > 0) {
            throw DomainException.invalid("maxDuration", "must be at most " + config.maxDurationCeiling()
                    + " (roomgate.rooms.max-duration-ceiling)");
        }
        if (idleTimeout.compareTo(maxDuration) > 0) {
            throw idleTimeoutGiven
                    ? DomainException.invalid("idleTimeout", "must not be longer than maxDuration (" + maxDuration + ")")
                    : DomainException.invalid("maxDuration", "must not be shorter than idleTimeout (" + idleTimeout + ")");
        }
    }

    /** The configured defaults must make a valid room, or every room without durations would be refused. */
    void checkDefaults(@Observes StartupEvent start) {
        if (config.defaultMaxDuration().compareTo(config.maxDurationCeiling()) > 0
                || config.defaultMaxDuration().compareTo(MIN_TIMEOUT) < 0 || config.defaultIdleTimeout().compareTo(MIN_TIMEOUT) < 0) {
            throw new IllegalStateException("roomgate.rooms.default-max-duration must be between PT1S and "
                    + "roomgate.rooms.max-duration-ceiling (" + config.maxDurationCeiling() + "), and "
                    + "roomgate.rooms.default-idle-timeout at least PT1S");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    RoomView view(Room room) {
        Instant end = room.closedAt == null ? clock.instant() : room.closedAt;
        String wipeStatus = room.isOpen() ? "NONE" : room.wipedAt == null ? "PENDING" : "DONE";
        return new RoomView(room.id, room.name, room.purpose, room.state, room.maxParticipants,
                List.of(room.features), room.idleTimeout(), room.maxDuration(), false,
                room.createdAt, room.closedAt, room.closeReason,
                room.participantsNow, room.peakParticipants,
                Math.max(0, Duration.between(room.createdAt, end).toSeconds()),
                new WipeView(wipeStatus, room.wipedAt));
    }

    /** The features a teacher's role allows: everything a room can offer, and moderation. */
    static Set<Capability> teacherAllowance() {
        EnumSet<Capability> all = EnumSet.copyOf(Capability.CONSENTABLE);
        all.add(Capability.MODERATE);
        return all;
    }
}
