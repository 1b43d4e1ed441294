package org.roomgate.backend;

import java.util.List;
import java.util.UUID;

import org.roomgate.room.Participation;

/**
 * A backend that roomgate never calls after the hand-over: it has no meeting to create or end and
 * no participant to remove or narrow (roomgate's own conference, or one that asks roomgate at each
 * connection instead). It wants no lifecycle call, so none is recorded; were one ever made, there
 * is nothing to wait for, and it counts as confirmed.
 */
public interface CallFreeBackend extends ConferenceBackend {

    @Override
    default void ensureMeeting(BackendSettings settings, MeetingRoom room) {
    }

    @Override
    default boolean wants(BackendCall.Type type, Participation.LeaveReason reason) {
        return false;
    }

    @Override
    default boolean endMeeting(BackendSettings settings, MeetingRoom room) {
        return true;
    }

    @Override
    default boolean participantGone(BackendSettings settings, MeetingRoom room, UUID participationId,
            Participation.LeaveReason reason) {
        return true;
    }

    @Override
    default boolean capabilitiesChanged(BackendSettings settings, MeetingRoom room, UUID participationId,
            List<String> capabilities) {
        return true;
    }
}
