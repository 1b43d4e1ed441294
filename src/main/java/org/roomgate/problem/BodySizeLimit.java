package org.roomgate.problem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses JSON bodies over 1 MiB with a problem document: before reading when Content-Length
 * says so, and otherwise (a chunked body) on the bytes actually read, so that no body is read
 * or parsed past the limit. (The HTTP layer's own ceiling, {@code quarkus.http.limits.max-body-size},
 * answers with an empty 413, so it is set higher, for file uploads.)
 */
public class BodySizeLimit {

    /** Far above the largest legitimate JSON body: a 64 KiB whiteboard stroke. */
    static final long MAX_JSON_BYTES = 1024 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedJson(ContainerRequestContext request) {
        if (!isJson(request)) {
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > MAX_JSON_BYTES) {
            return tooLarge();
        }
        return null;
    }

    @ServerRequestFilter
    public void countJsonBytes(ContainerRequestContext request) {
        if (isJson(request)) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), MAX_JSON_BYTES));
        }
    }

    private static boolean isJson(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }

    private static Response tooLarge() {
        return ProblemMapper.respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "JSON bodies may be at most " + MAX_JSON_BYTES + " bytes."));
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Fails the read that goes past the limit; what follows is never read. */
    private static final class LimitedStream extends FilterInputStream {

        private final long limit;
        private long read;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new WebApplicationException(tooLarge());
            }
        }
    }
}
