package org.roomgate.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses JSON bodies over 1 MiB before they are read, with a problem document. (The HTTP
 * layer's own ceiling, {@code quarkus.http.limits.max-body-size}, answers with an empty 413,
 * so it is set higher and only catches bodies that hide their length.)
 */
public class BodySizeLimit {

    /** Far above the largest legitimate JSON body: a 64 KiB whiteboard stroke. */
    static final long MAX_JSON_BYTES = 1024 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedJson(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > MAX_JSON_BYTES) {
            return ProblemMapper.respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "JSON bodies may be at most " + MAX_JSON_BYTES + " bytes."));
        }
        return null;
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
