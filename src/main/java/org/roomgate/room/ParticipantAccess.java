package org.roomgate.room;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.token.JoinTokenIdentityProvider;
import org.roomgate.token.VerifiedToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Checks a participant's request against the database, not only its token: the token must name
 * this room, the room must be open (410 otherwise) and the participation still open, so a
 * withdrawal or a close revokes every token at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ParticipantAccess {

    private final SecurityIdentity identity;

    ParticipantAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's open participation in the room, as it is now. */
    public Participation require(UUID roomId) {
        VerifiedToken token = verified(roomId);
        Room room = Room.findOfTenant(token.tenantId(), roomId)
                .orElseThrow(() -> new DomainException(ProblemType.ROOM_GONE, "The room is closed."));
        return openParticipation(token, room.isOpen() ? Room.State.OPEN : Room.State.CLOSED, roomId);
    }

    /**
     * As {@link #require}, for a contribution: the room's row is held FOR SHARE until commit,
     * taken before the participation is read. A withdrawal or leave that the write had to wait
     * for is seen, so nothing is posted after it, and a close waits for the write (R1, R6).
     */
    public Participation requireHoldingRoom(UUID roomId) {
        VerifiedToken token = verified(roomId);
        @SuppressWarnings("unchecked")
        List<String> state = Room.getEntityManager()
                .createNativeQuery("SELECT state FROM conference.room WHERE tenant_id = ?1 AND id = ?2 FOR SHARE", String.class)
                .setParameter(1, token.tenantId()).setParameter(2, roomId).getResultList();
        if (state.isEmpty()) {
            throw new DomainException(ProblemType.ROOM_GONE, "The room is closed.");
        }
        return openParticipation(token, Room.State.valueOf(state.get(0)), roomId);
    }

    private VerifiedToken verified(UUID roomId) {
        VerifiedToken token = identity.getAttribute(JoinTokenIdentityProvider.TOKEN_ATTRIBUTE);
        if (token == null) {
            throw new AuthenticationFailedException("Not a join token");
        }
        if (!token.roomId().equals(roomId.toString())) {
            throw new DomainException(ProblemType.FORBIDDEN, "The join token is for another room.");
        }
        return token;
    }

    private static Participation openParticipation(VerifiedToken token, Room.State state, UUID roomId) {
        if (state != Room.State.OPEN) {
            throw new DomainException(ProblemType.ROOM_GONE, "The room is closed; its content is deleted.", "R6");
        }
        return Participation.<Participation>findByIdOptional(UUID.fromString(token.participationId()))
                .filter(p -> p.roomId.equals(roomId) && p.isOpen())
                .orElseThrow(() -> new AuthenticationFailedException("The participation has ended"));
    }
}
