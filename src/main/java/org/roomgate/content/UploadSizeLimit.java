package org.roomgate.content;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.Problem;

/** Refuses an upload whose declared length is over the file limit before it is read. */
public class UploadSizeLimit {

    /** Room for the multipart framing around the file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final ContentConfig config;

    UploadSizeLimit(ContentConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedUpload(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (type == null || length == null || !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return null;
        }
        try {
            if (Long.parseLong(length.trim()) > config.files().maxSize().asLongValue() + MULTIPART_OVERHEAD) {
                DomainException tooLarge = FileService.tooLarge();
                Problem problem = tooLarge.toProblem();
                return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
