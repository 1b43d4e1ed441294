package org.roomgate.backend;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.room.Admission;
import org.roomgate.room.ConferenceGate.BackendAccess;
import org.roomgate.room.Participation;

import io.quarkus.security.AuthenticationFailedException;

/**
 * roomgate's own conference: the join token and the content endpoints are all there is, so
 * there is no meeting to create or end, and nobody who may send events.
 */
@ApplicationScoped
public class NativeBackend implements ConferenceBackend {

    static final BackendAccess ACCESS = BackendAccess.of(BackendKind.NATIVE.name());

    @Override
    public BackendKind kind() {
        return BackendKind.NATIVE;
    }

    @Override
    public void ensureMeeting(BackendSettings settings, MeetingRoom room) {
    }

    @Override
    public BackendAccess access(BackendSettings settings, Admission admission, String joinToken) {
        return ACCESS;
    }

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

    @Override
    public List<BackendEvent> receive(BackendSettings settings, Delivery delivery) {
        throw new AuthenticationFailedException("The tenant has no backend that sends events");
    }
}
