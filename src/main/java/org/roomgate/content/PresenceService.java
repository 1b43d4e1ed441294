package org.roomgate.content;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.roomgate.consent.Capability;
import org.roomgate.content.ContentDtos.ParticipantView;
import org.roomgate.room.Participation;

/** Who is in the room and what they show: a raised hand, away (the STATUS capability). */
@ApplicationScoped
@Transactional
public class PresenceService {

    private final ContentAccess access;

    PresenceService(ContentAccess access) {
        this.access = access;
    }

    public ParticipantView setStatus(UUID roomId, ParticipantStatus.Status status) {
        ContentScope scope = access.contribute(roomId, Capability.STATUS);
        ParticipantStatus current = ParticipantStatus.findById(scope.me().id());
        if (current == null) {
            current = new ParticipantStatus();
            current.participationId = scope.me().id();
            current.roomId = roomId;
            current.status = status;
            current.persist();
        } else {
            current.status = status;
        }
        return new ParticipantView(scope.me().id(), scope.me().displayName(), scope.me().role(), status);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ParticipantView> participants(UUID roomId, UUID after, int rows) {
        access.read(roomId);
        Map<UUID, ParticipantStatus.Status> statuses = ParticipantStatus.<ParticipantStatus>list("roomId", roomId).stream()
                .collect(Collectors.toMap(s -> s.participationId, s -> s.status));
        return Participation.pageOfRoom(roomId, true, after, rows).stream()
                .map(p -> new ParticipantView(p.id, p.displayName, p.role,
                        statuses.getOrDefault(p.id, ParticipantStatus.Status.NONE)))
                .toList();
    }
}
