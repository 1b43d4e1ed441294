package org.roomgate.token;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwk.JsonWebKey;

@Path("/.well-known/jwks.json")
@Tag(name = "Join", description = "Consent-checked join tokens, leave and token refresh (R1, R2, R7, R10)")
public class JwksResource {

    private static final int MAX_AGE_SECONDS = 300;

    private final Map<String, List<Map<String, Object>>> jwks;

    JwksResource(KeyRing keys) {
        this.jwks = Map.of("keys", keys.verificationKeys().stream()
                .map(key -> key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))
                .toList());
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getJwks", summary = "The public keys that verify join tokens",
            description = "ES256 keys by kid; during a rotation the previous key is listed too. For the conference backend.")
    @APIResponse(responseCode = "200", description = "A JWK set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one key", value = """
                    {"keys":[{"kty":"EC","kid":"Lcbrf3Nq9DjjBDElD7Ex3gqYCu6uJN7STrHRxdXq2H4","use":"sig","alg":"ES256",
                     "x":"YmQqlnMkh_nXNLOBSpiQYonbNCLnws2qVYg2FRNq_F8","y":"5u11lQ_USpLVYcpDLlvn_ejNMhGlwxPkob122A5cZIs",
                     "crv":"P-256"}]}""")))
    public Response keys() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(jwks).cacheControl(cache).build();
    }
}
