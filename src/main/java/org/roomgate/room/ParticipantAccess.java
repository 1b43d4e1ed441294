package org.roomgate.room;

import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.roomgate.database.PooledStatements;
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
 *
 * <p>Every participant request passes here, so it speaks plain JDBC on the pool's connection
 * (inside a transaction, the one enlisted in it): the room's statement and the participation's
 * are sent together in one round trip, and no Hibernate session is opened for them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ParticipantAccess {

    private static final String ROOM = "SELECT state FROM conference.room WHERE tenant_id = ? AND id = ?";
    /**
     * A statement of its own after the room's: under READ COMMITTED it sees everything that
     * committed before it started, so also what a lock holder committed while the room's
     * statement waited for it.
     */
    private static final String PARTICIPATION = """
            SELECT subject_id, display_name, role, capabilities FROM conference.participation
            WHERE id = ? AND room_id = ? AND left_at IS NULL""";
    private static final String READ = ROOM + ";\n" + PARTICIPATION;
    private static final String HOLD = ROOM + " FOR SHARE;\n" + PARTICIPATION;

    private final SecurityIdentity identity;
    private final PooledStatements statements;

    ParticipantAccess(SecurityIdentity identity, PooledStatements statements) {
        this.identity = identity;
        this.statements = statements;
    }

    /** The caller's open participation in the room, as it is now. */
    public Participant require(UUID roomId) {
        return find(roomId, READ);
    }

    /**
     * As {@link #require}, for a contribution: the room's row is held FOR SHARE until commit,
     * taken before the participation is read. A withdrawal, narrowing or leave that the write had
     * to wait for is seen, so nothing is posted after it, and a close waits for the write (R1,
     * R2, R6). FOR SHARE conflicts with the FOR NO KEY UPDATE of every admission change and close
     * ({@link org.roomgate.locking.AdmissionLocks}, step 3), not with other contributions.
     */
    public Participant requireHoldingRoom(UUID roomId) {
        return find(roomId, HOLD);
    }

    private Participant find(UUID roomId, String sql) {
        VerifiedToken token = verified(roomId);
        UUID participationId = UUID.fromString(token.participationId());
        Found found = read(sql, token.tenantId(), roomId, participationId);
        if (found.state() == null) {
            throw new DomainException(ProblemType.ROOM_GONE, "The room is closed.");
        }
        if (found.state() != Room.State.OPEN) {
            throw new DomainException(ProblemType.ROOM_GONE, "The room is closed; its content is deleted.", "R6");
        }
        if (found.participant() == null) {
            throw new AuthenticationFailedException("The participation has ended");
        }
        return found.participant();
    }

    private Found read(String sql, String tenantId, UUID roomId, UUID participationId) {
        return statements.prepared(sql, statement -> {
            statement.setString(1, tenantId);
            statement.setObject(2, roomId);
            statement.setObject(3, participationId);
            statement.setObject(4, roomId);
            statement.execute();
            Room.State state;
            try (ResultSet room = statement.getResultSet()) {
                state = room.next() ? Room.State.valueOf(room.getString(1)) : null;
            }
            statement.getMoreResults();
            try (ResultSet row = statement.getResultSet()) {
                if (!row.next()) {
                    return new Found(state, null);
                }
                return new Found(state, new Participant(participationId, tenantId, roomId, row.getString(1), row.getString(2),
                        Participation.Role.valueOf(row.getString(3)), List.of((String[]) row.getArray(4).getArray())));
            }
        });
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

    /** The room's state (null: the tenant has no such room) and the open participation, if any. */
    private record Found(Room.State state, Participant participant) {
    }
}
