package org.roomgate.room;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.idempotency.Replay;
import org.roomgate.room.RoomDtos.JoinRequest;
import org.roomgate.room.RoomDtos.JoinResponse;
import org.roomgate.tenant.Caller;

/**
 * A retried join keeps only the participation id of its first answer, never the token: the retry
 * gets that participation with a fresh token, consent checked again ({@link JoinService#rejoin}).
 */
@ApplicationScoped
class JoinReplay implements Replay {

    private final JoinService joins;
    private final Caller caller;

    JoinReplay(JoinService joins, Caller caller) {
        this.joins = joins;
        this.caller = caller;
    }

    @Override
    public String keep(Object entity) {
        return ((JoinResponse) entity).participationId().toString();
    }

    @Override
    public Object answer(String kept) {
        return joins.rejoin(caller.tenantId(), UUID.fromString(kept));
    }

    /** A retry from another network or browser is the same join; and IP and browser string are never stored (R4). */
    @Override
    public Object[] fingerprinted(Object[] arguments) {
        Object[] kept = arguments.clone();
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] instanceof JoinRequest join) {
                kept[i] = new JoinRequest(join.subjectId(), join.displayName(), join.role(), null, null);
            }
        }
        return kept;
    }
}
