package org.roomgate.backend.bbb;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.roomgate.backend.BackendCall;
import org.roomgate.backend.BackendEvent;
import org.roomgate.backend.BackendKind;
import org.roomgate.backend.BackendSettings;
import org.roomgate.backend.BackendUnavailable;
import org.roomgate.backend.ConferenceBackend;
import org.roomgate.backend.Delivery;
import org.roomgate.backend.MeetingRoom;
import org.roomgate.backend.PublicUrl;
import org.roomgate.consent.Capability;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.room.Admission;
import org.roomgate.room.ConferenceGate.BackendAccess;
import org.roomgate.room.Participation;

/**
 * BigBlueButton: roomgate holds the shared secret, creates each room's meeting with the policy
 * in its parameters, and sends browsers through {@code /enter} to a join URL made at that
 * moment. BigBlueButton sets viewer rights for the whole meeting and cannot remove one user, so
 * a pupil is admitted only if the consent covers every viewer right of the room, and a pupil
 * who must go is removed by ending the meeting and creating it again (new createTime: old join
 * URLs stop working); everyone else re-enters through {@code /enter}.
 */
@ApplicationScoped
public class BbbBackend implements ConferenceBackend {

    private static final Logger LOG = Logger.getLogger(BbbBackend.class);

    private final BbbClient client;
    private final BbbMeetings meetings;
    private final BbbParticipants participants;
    private final BbbEvents events;
    private final PublicUrl publicUrl;

    BbbBackend(BbbClient client, BbbMeetings meetings, BbbParticipants participants, BbbEvents events, PublicUrl publicUrl) {
        this.client = client;
        this.meetings = meetings;
        this.participants = participants;
        this.events = events;
        this.publicUrl = publicUrl;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.BIGBLUEBUTTON;
    }

    /** A pupil enters as a VIEWER with all viewer rights of the room: the consent must cover each (R2). */
    @Override
    public void checkAdmission(BackendSettings settings, Participation.Role role, Set<Capability> roomFeatures,
            Set<Capability> allowed) {
        if (role != Participation.Role.PUPIL) {
            return;
        }
        EnumSet<Capability> missing = EnumSet.noneOf(Capability.class);
        roomFeatures.stream().filter(Capability.CONSENTABLE::contains).filter(f -> !allowed.contains(f)).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new DomainException(ProblemType.CONSENT_SCOPE, "The consent does not cover " + missing + ", which every "
                    + "viewer of this room's BigBlueButton meeting may use; BigBlueButton cannot restrict one viewer. "
                    + "Open a separate room without these features for this pupil.", "R2");
        }
    }

    @Override
    public void ensureMeeting(BackendSettings settings, MeetingRoom room) {
        int generation = meetings.generationToCreate(room.tenantId(), room.roomId());
        create(settings, room, generation);
    }

    /** The first join creates the meeting; later joins only get the link to {@code /enter}. */
    @Override
    public BackendAccess access(BackendSettings settings, Admission admission, String joinToken) {
        if (meetings.current(admission.roomId()).map(m -> m.createTime() == null).orElse(true)) {
            try {
                org.roomgate.room.Room room = org.roomgate.room.Room.findById(admission.roomId());
                ensureMeeting(settings, MeetingRoom.of(room));
            } catch (BackendUnavailable e) {
                // The admission stands; /enter creates the meeting when the server answers again.
                LOG.warnf("BigBlueButton meeting of room %s not created at join: %s", admission.roomId(), e.getMessage());
            }
        }
        return new BackendAccess(BackendKind.BIGBLUEBUTTON.name(),
                publicUrl.of("/api/v1/rooms/" + admission.roomId() + "/enter?token=" + joinToken), null, null);
    }

    /** Creates the meeting (idempotent on the server) and answers with a join URL for its createTime. */
    @Override
    public URI enter(BackendSettings settings, MeetingRoom room, Participation participation) {
        checkAdmission(settings, participation.role, room.features(), participation.allowedSet());
        long createTime = create(settings, room, meetings.generationToCreate(room.tenantId(), room.roomId()));
        return BbbClient.url(settings, "join", new BbbQuery()
                .add("fullName", participation.displayName)
                .add("meetingID", room.meetingId())
                .add("role", participation.role == Participation.Role.TEACHER ? "MODERATOR" : "VIEWER")
                .add("userID", participation.id)
                // Without guest=false, bbb-web (authenticatedGuest=true, its default) counts a
                // viewer as an unauthenticated guest, whom guestPolicy=ALWAYS_DENY turns away.
                .add("guest", false)
                .add("createTime", createTime));
    }

    /** Every end of a participation: a leave reported by the platform says nothing about the browser (R1). */
    @Override
    public boolean wants(BackendCall.Type type, Participation.LeaveReason reason) {
        return true;
    }

    @Override
    public boolean endMeeting(BackendSettings settings, MeetingRoom room) {
        meetings.nextGeneration(room.roomId());
        return endAndConfirm(settings, room);
    }

    /**
     * BigBlueButton cannot remove one user: a participation that is still attending (getMeetingInfo
     * lists its userID) is taken out by ending the meeting and creating it again. One that is not
     * attending is re-created for only when it was withdrawn (not left) during the current meeting,
     * since a join URL handed out just before may still be on its way; after one re-creation every
     * further call for the same meeting finds nobody to take out.
     */
    @Override
    public boolean participantGone(BackendSettings settings, MeetingRoom room, UUID participationId,
            Participation.LeaveReason reason) {
        if (!room.open()) {
            return true;
        }
        if (attending(settings, room, participationId)) {
            return recreate(settings, room);
        }
        if (reason == Participation.LeaveReason.LEFT) {
            return true;
        }
        return !endedDuringCurrentMeeting(room, participationId) || recreate(settings, room);
    }

    private boolean attending(BackendSettings settings, MeetingRoom room, UUID participationId) {
        BbbResponse info = client.call(settings, "getMeetingInfo", new BbbQuery().add("meetingID", room.meetingId()));
        if (!info.success()) {
            if ("notFound".equals(info.messageKey())) {
                return false;
            }
            throw new BackendUnavailable("getMeetingInfo: FAILED " + info.messageKey());
        }
        return info.attendeeUserIds().contains(participationId.toString());
    }

    private boolean endedDuringCurrentMeeting(MeetingRoom room, UUID participationId) {
        Instant started = meetings.current(room.roomId()).map(BbbMeetings.Meeting::startedAt).orElse(null);
        return participants.endedAt(room.tenantId(), room.roomId(), participationId)
                .map(left -> started == null || !left.isBefore(started)).orElse(true);
    }

    /**
     * BigBlueButton cannot change one viewer's rights: a meeting created with other features, or
     * a pupil whose consent no longer covers the viewer rights, needs a new meeting.
     */
    @Override
    public boolean capabilitiesChanged(BackendSettings settings, MeetingRoom room, UUID participationId,
            List<String> capabilities) {
        if (!room.open()) {
            return true;
        }
        boolean sameFeatures = meetings.current(room.roomId())
                .map(m -> m.features() == null || m.features().equals(BbbCreate.featureNames(room.features())))
                .orElse(true);
        boolean covered = capabilities.containsAll(BbbCreate.featureNames(room.features()));
        return sameFeatures && covered || recreate(settings, room);
    }

    @Override
    public List<BackendEvent> receive(BackendSettings settings, Delivery delivery) {
        return events.receive(settings, delivery);
    }

    private boolean recreate(BackendSettings settings, MeetingRoom room) {
        int generation = meetings.nextGeneration(room.roomId());
        if (!endAndConfirm(settings, room)) {
            return false;
        }
        try {
            create(settings, room, generation);
        } catch (BackendUnavailable e) {
            // The pupil is out; the next /enter creates the meeting.
            LOG.warnf("BigBlueButton meeting of room %s ended, not yet created again: %s", room.roomId(), e.getMessage());
        }
        return true;
    }

    private boolean endAndConfirm(BackendSettings settings, MeetingRoom room) {
        BbbResponse end = client.call(settings, "end", new BbbQuery().add("meetingID", room.meetingId()));
        if (!end.success() && !"notFound".equals(end.messageKey())) {
            throw new BackendUnavailable("end: FAILED " + end.messageKey());
        }
        BbbResponse running = client.call(settings, "isMeetingRunning", new BbbQuery().add("meetingID", room.meetingId()));
        if (!running.success()) {
            throw new BackendUnavailable("isMeetingRunning: FAILED " + running.messageKey());
        }
        return "false".equals(running.field("running"));
    }

    /** Creates the meeting of this generation (the server answers duplicateWarning if it runs) and registers the hook. */
    private long create(BackendSettings settings, MeetingRoom room, int generation) {
        BbbResponse created = client.call(settings, "create", BbbCreate.query(settings, room, generation, publicUrl));
        if (!created.success()) {
            throw new BackendUnavailable("create: FAILED " + created.messageKey());
        }
        long createTime;
        try {
            createTime = Long.parseLong(created.field("createTime"));
        } catch (RuntimeException e) {
            throw new BackendUnavailable("create: no createTime");
        }
        meetings.created(room.roomId(), generation, createTime, created.field("internalMeetingID"),
                BbbCreate.featureNames(room.features()));
        if (!"duplicateWarning".equals(created.messageKey())) {
            registerHook(settings, room);
        }
        return createTime;
    }

    /** Only join, leave and end: never chat, poll or notes events, which carry content. */
    private void registerHook(BackendSettings settings, MeetingRoom room) {
        try {
            BbbResponse hook = client.call(settings, "hooks/create", new BbbQuery()
                    .add("callbackURL", BbbEvents.hookUrl(room, publicUrl))
                    .add("meetingID", room.meetingId())
                    .add("eventID", "user-joined,user-left,meeting-ended")
                    .add("getRaw", false));
            if (!hook.success()) {
                LOG.warnf("bbb-webhooks refused the hook of room %s: %s", room.roomId(), hook.messageKey());
            }
        } catch (BackendUnavailable e) {
            // Events are a convenience: close and withdrawal never depend on them.
            LOG.warnf("bbb-webhooks hook of room %s not registered: %s", room.roomId(), e.getMessage());
        }
    }
}
