package org.roomgate.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every API response says {@code Cache-Control: no-store}: new API keys and join tokens, and
 * pupils' data everywhere else, must not be kept by a browser, proxy or client cache.
 */
public class NoStore {

    @ServerResponseFilter
    public void forbidCaching(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
