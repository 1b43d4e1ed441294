package org.roomgate.backend.bbb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.roomgate.backend.BackendSettings;
import org.roomgate.backend.MeetingRoom;
import org.roomgate.backend.PublicUrl;
import org.roomgate.consent.Capability;

/**
 * The create call of a room's meeting: every recording switch off (R5), the room's limit (R10)
 * and duration, the features the room does not offer disabled for everyone and locked for
 * viewers (R2), no guests, no {@code meta_} parameter at all (they reach clients and
 * recordings), and the server-only end callback signed with an HMAC.
 */
public final class BbbCreate {

    /** Always off: analytics about pupils, transcripts, and stores of content roomgate cannot wipe (R6). */
    static final List<String> ALWAYS_DISABLED = List.of("learningDashboard", "learningDashboardDownloadSessionData",
            "liveTranscription", "captions", "sharedNotes", "externalVideos", "breakoutRooms",
            "importPresentationWithAnnotationsFromBreakoutRooms", "importSharedNotesFromBreakoutRooms");

    private BbbCreate() {
    }

    static BbbQuery query(BackendSettings settings, MeetingRoom room, int generation, PublicUrl publicUrl) {
        Set<Capability> f = room.features();
        return new BbbQuery()
                .add("name", meetingName(room.name()))
                .add("meetingID", room.meetingId())
                .add("record", false)
                .add("autoStartRecording", false)
                .add("allowStartStopRecording", false)
                .add("meetingKeepEvents", false)
                .add("breakoutRoomsRecord", false)
                .add("notifyRecordingIsOn", false)
                .add("maxParticipants", room.maxParticipants())
                .add("duration", minutes(room.maxDuration()))
                // An unentered meeting must not expire (default 5 min) while its room can still be entered.
                .add("meetingExpireIfNoUserJoinedInMinutes", minutes(room.maxDuration()))
                .add("guestPolicy", "ALWAYS_DENY")
                .add("disabledFeatures", String.join(",", disabledFeatures(f)))
                .add("lockSettingsLockOnJoin", true)
                .add("lockSettingsDisableCam", !f.contains(Capability.VIDEO))
                .add("lockSettingsDisableMic", !f.contains(Capability.AUDIO))
                .add("lockSettingsDisablePublicChat", !f.contains(Capability.CHAT))
                .add("lockSettingsDisablePrivateChat", true)
                .add("lockSettingsDisableNotes", true)
                .add("webcamsOnlyForModerator", false)
                .add("allowModsToUnmuteUsers", false)
                .add("meetingEndedURL", BbbEvents.endCallbackUrl(settings, room, generation, publicUrl));
    }

    /** The always-disabled features and every one the room does not offer. */
    static List<String> disabledFeatures(Set<Capability> features) {
        Set<String> disabled = new LinkedHashSet<>(ALWAYS_DISABLED);
        if (!features.contains(Capability.CHAT)) {
            disabled.add("chat");
            disabled.add("privateChat");
        }
        if (!features.contains(Capability.POLLS)) {
            disabled.add("polls");
        }
        if (!features.contains(Capability.SCREEN_SHARE)) {
            disabled.add("screenshare");
        }
        if (!features.contains(Capability.VIDEO)) {
            disabled.addAll(List.of("virtualBackgrounds", "customVirtualBackgrounds", "cameraAsContent"));
        }
        if (!features.contains(Capability.WHITEBOARD)) {
            disabled.add("infiniteWhiteboard");
        }
        if (!features.contains(Capability.FILES)) {
            disabled.addAll(List.of("downloadPresentationWithAnnotations", "downloadPresentationOriginalFile",
                    "downloadPresentationConvertedToPdf", "snapshotOfCurrentSlide"));
        }
        if (!features.contains(Capability.WHITEBOARD) && !features.contains(Capability.FILES)) {
            disabled.add("presentation");
        }
        if (!features.contains(Capability.STATUS)) {
            // BigBlueButton 3.x names (its HTML5 client hides hand and reactions for them); 2.x only keeps the list.
            disabled.add("raiseHand");
            disabled.add("userReactions");
        }
        return new ArrayList<>(disabled);
    }

    /** The room's features in a stable order, as stored with the meeting. */
    static List<String> featureNames(Set<Capability> features) {
        return Capability.CONSENTABLE.stream().filter(features::contains).map(Enum::name).sorted().toList();
    }

    /** BigBlueButton wants 2 to 64 characters. */
    private static String meetingName(String name) {
        String text = name == null ? "" : name.strip();
        if (text.codePointCount(0, text.length()) > 64) {
            text = text.substring(0, text.offsetByCodePoints(0, 64));
        }
        return text.length() < 2 ? "Raum " + text : text;
    }

    private static long minutes(Duration duration) {
        return Math.max(1, (duration.toSeconds() + 59) / 60);
    }
}
