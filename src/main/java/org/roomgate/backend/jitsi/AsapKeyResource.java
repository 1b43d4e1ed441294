package org.roomgate.backend.jitsi;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.roomgate.problem.DomainException;

/** Prosody's {@code asap_key_server}: the RS256 public key by the SHA-256 of its kid. */
@Path("/.well-known/asap")
@Tag(name = "Conference backends", description = "Hand-over to BigBlueButton, LiveKit and Jitsi")
public class AsapKeyResource {

    private static final String PEM = "application/x-pem-file";
    private static final int MAX_AGE_SECONDS = 300;

    private final AsapKey key;

    AsapKeyResource(AsapKey key) {
        this.key = key;
    }

    @GET
    @Path("/{file}")
    @PermitAll
    @Produces({ PEM, "application/problem+json" })
    @Operation(operationId = "getAsapPublicKey", summary = "The RS256 public key that verifies Jitsi tokens",
            description = "For Prosody's asap_key_server: GET /.well-known/asap/{sha256hex(kid)}.pem, the kid taken from "
                    + "the token header.")
    @APIResponse(responseCode = "200", description = "The public key as PEM",
            content = @Content(mediaType = PEM, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "not-found: no key by that name")
    public Response publicKey(@PathParam("file") String file) {
        if (!key.publishedName().equals(file)) {
            throw DomainException.notFound("Key");
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(key.publicPem(), PEM).cacheControl(cache).build();
    }
}
