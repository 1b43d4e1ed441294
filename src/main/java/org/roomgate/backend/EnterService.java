package org.roomgate.backend;

import java.net.URI;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.room.Participation;
import org.roomgate.room.Room;
import org.roomgate.token.JoinTokenVerifier;
import org.roomgate.token.VerifiedToken;

import io.quarkus.security.AuthenticationFailedException;

/**
 * The step between a join link and the backend: the join token and the participation are
 * checked at the moment of entering (R1: a withdrawal or a close stops it at once), and the
 * backend's URL is made now, never stored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class EnterService {

    private final JoinTokenVerifier tokens;
    private final BackendConfigService configs;
    private final Backends backends;
    private final BackendMetrics metrics;
    private final BackendCallGuard guard;

    EnterService(JoinTokenVerifier tokens, BackendConfigService configs, Backends backends, BackendMetrics metrics,
            BackendCallGuard guard) {
        this.tokens = tokens;
        this.configs = configs;
        this.backends = backends;
        this.metrics = metrics;
        this.guard = guard;
    }

    public URI enter(UUID roomId, String joinToken) {
        if (joinToken == null || joinToken.isBlank()) {
            throw new AuthenticationFailedException("No join token");
        }
        VerifiedToken token = tokens.verify(joinToken);
        if (!token.roomId().equals(roomId.toString())) {
            throw new DomainException(ProblemType.FORBIDDEN, "The join token is for another room.");
        }
        Room room = openRoom(token.tenantId(), roomId);
        Participation participation = Participation.<Participation>findByIdOptional(UUID.fromString(token.participationId()))
                .filter(p -> p.roomId.equals(roomId) && p.isOpen())
                .orElseThrow(() -> new AuthenticationFailedException("The participation has ended"));
        BackendSettings settings = configs.settingsOf(token.tenantId());
        ConferenceBackend backend = backends.of(settings.kind());
        URI target;
        try {
            target = guard.duringRequest(settings, "enter", () -> backend.enter(settings, MeetingRoom.of(room), participation));
        } catch (BackendUnavailable e) {
            throw new DomainException(ProblemType.UNAVAILABLE, "The conference server does not answer; try again shortly.");
        }
        Object state = Room.getEntityManager().createNativeQuery("SELECT state FROM conference.room WHERE id = ?1")
                .setParameter(1, roomId).getResultStream().findFirst().orElse("CLOSED");
        if (!"OPEN".equals(state)) {
            // The room closed while its meeting was being created: end what this entry may have started.
            try {
                backend.endMeeting(settings, MeetingRoom.gone(token.tenantId(), roomId));
            } catch (BackendUnavailable e) {
                metrics.call(settings.kind(), "enter", "failed");
            }
            throw closed();
        }
        return target;
    }

    private static Room openRoom(String tenantId, UUID roomId) {
        return Room.findOfTenant(tenantId, roomId).filter(Room::isOpen).orElseThrow(EnterService::closed);
    }

    private static DomainException closed() {
        return new DomainException(ProblemType.ROOM_GONE, "The room is closed.", "R6");
    }
}
