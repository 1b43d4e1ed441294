package org.roomgate.token;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.tenant.BearerAuthenticationRequest;
import org.roomgate.tenant.Roles;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a verified join token into a participant identity. Whether the participation is still
 * open is checked per request in the database by the participant endpoints.
 */
@ApplicationScoped
public class JoinTokenIdentityProvider implements IdentityProvider<BearerAuthenticationRequest> {

    /** The identity attribute holding the {@link VerifiedToken}. */
    public static final String TOKEN_ATTRIBUTE = "roomgate.token";

    private final JoinTokenVerifier verifier;

    JoinTokenIdentityProvider(JoinTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Class<BearerAuthenticationRequest> getRequestType() {
        return BearerAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!request.isJoinToken()) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(() -> {
            VerifiedToken token = verifier.verify(request.token());
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(token.participationId()))
                    .addRole(Roles.PARTICIPANT)
                    .addAttribute(Roles.TENANT_ATTRIBUTE, token.tenantId())
                    .addAttribute(TOKEN_ATTRIBUTE, token)
                    .build();
        });
    }
}
