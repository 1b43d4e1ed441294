package org.roomgate.backend.jitsi;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.backend.BackendCall;
import org.roomgate.backend.BackendEvent;
import org.roomgate.backend.BackendKind;
import org.roomgate.backend.BackendSettings;
import org.roomgate.backend.ConferenceBackend;
import org.roomgate.backend.Delivery;
import org.roomgate.backend.MeetingRoom;
import org.roomgate.room.Admission;
import org.roomgate.room.ConferenceGate.BackendAccess;
import org.roomgate.room.Participation;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Jitsi Meet with Prosody's token authentication. Jitsi has no server API roomgate could call to
 * remove a participant or narrow rights mid-call; roomgate enforces instead at every connection:
 * Prosody asks roomgate about each token as a session is made ({@link JitsiAccessService}), and a
 * token of an ended participation, or one wider than the rights now, is refused. Rights that
 * Jitsi cannot enforce at all are listed in the README.
 */
@ApplicationScoped
public class JitsiBackend implements ConferenceBackend {

    private final JitsiTokens tokens;

    JitsiBackend(JitsiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.JITSI;
    }

    /** Jitsi creates a room when its first participant with a valid token enters. */
    @Override
    public void ensureMeeting(BackendSettings settings, MeetingRoom room) {
    }

    @Override
    public BackendAccess access(BackendSettings settings, Admission admission, String joinToken) {
        JitsiTokens.JitsiCredential credential = tokens.issue(of(settings), admission.tenantId(),
                admission.roomId().toString(), admission.participationId().toString(), admission.displayName(),
                admission.role() == Participation.Role.TEACHER, admission.capabilities());
        return new BackendAccess(BackendKind.JITSI.name(), credential.joinUrl(), null, credential.token());
    }

    /** No call to make: Jitsi hears of ended participations and narrower rights at the next connection. */
    @Override
    public boolean wants(BackendCall.Type type, Participation.LeaveReason reason) {
        return false;
    }

    @Override
    public boolean endMeeting(BackendSettings settings, MeetingRoom room) {
        return true;
    }

    @Override
    public boolean participantGone(BackendSettings settings, MeetingRoom room, UUID participationId,
            Participation.LeaveReason reason) {
        return true;
    }

    @Override
    public boolean capabilitiesChanged(BackendSettings settings, MeetingRoom room, UUID participationId,
            List<String> capabilities) {
        return true;
    }

    /** Prosody's only call to roomgate is the access check, which has its own endpoint. */
    @Override
    public List<BackendEvent> receive(BackendSettings settings, Delivery delivery) {
        throw new AuthenticationFailedException("Jitsi sends no signed events; Prosody's access check has its own path");
    }

    static JitsiSettings of(BackendSettings settings) {
        return new JitsiSettings(settings.url(), settings.appId(), settings.audience(),
                JitsiSettings.Algorithm.valueOf(settings.algorithm()), settings.secret());
    }
}
