package org.roomgate.room;

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
        VerifiedToken token = identity.getAttribute(JoinTokenIdentityProvider.TOKEN_ATTRIBUTE);
        if (token == null) {
            throw new AuthenticationFailedException("Not a join token");
        }
        if (!token.roomId().equals(roomId.toString())) {
            throw new DomainException(ProblemType.FORBIDDEN, "The join token is for another room.");
        }
        Room room = Room.findOfTenant(token.tenantId(), roomId)
                .orElseThrow(() -> new DomainException(ProblemType.ROOM_GONE, "The room is closed."));
        if (!room.isOpen()) {
            throw new DomainException(ProblemType.ROOM_GONE, "The room is closed; its content is deleted.", "R6");
        }
        return Participation.<Participation>findByIdOptional(UUID.fromString(token.participationId()))
                .filter(p -> p.roomId.equals(room.id) && p.isOpen())
                .orElseThrow(() -> new AuthenticationFailedException("The participation has ended"));
    }
}
