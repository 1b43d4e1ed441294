package org.roomgate.tenant;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The credential of an {@code Authorization: Bearer} header: an API key or a join token. */
public class BearerAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public BearerAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** Join tokens are JWTs (three dot-separated parts); API keys contain no dot. */
    public boolean isJoinToken() {
        int first = token.indexOf('.');
        return first > 0 && token.indexOf('.', first + 1) > first;
    }
}
