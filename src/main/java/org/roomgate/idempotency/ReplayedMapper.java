package org.roomgate.idempotency;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Sends a replayed answer; not an error, so it stays out of {@code problem/ProblemMapper}. */
public class ReplayedMapper {

    @ServerExceptionMapper
    public Response replayed(Replayed replayed) {
        return replayed.response();
    }
}
