package org.roomgate.problem;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Input rules for the request line: a NUL character in the path or a query parameter is
 * refused before anything looks it up, since PostgreSQL can neither compare nor store it. The
 * HTTP layer already refuses a raw NUL byte, so it can only arrive percent-encoded as %00.
 */
public class UriRules {

    private static final String ENCODED_NUL = "%00";

    @ServerRequestFilter(preMatching = true)
    public Response refuseNulCharacters(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        if (containsNul(uri.getRawPath())) {
            return refuse("path");
        }
        String query = uri.getRawQuery();
        if (query == null || !containsNul(query)) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (containsNul(pair)) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                return refuse(containsNul(name) ? "query" : URLDecoder.decode(name, StandardCharsets.UTF_8));
            }
        }
        return null;
    }

    private static boolean containsNul(String raw) {
        return raw != null && raw.toLowerCase(Locale.ROOT).contains(ENCODED_NUL);
    }

    private static Response refuse(String field) {
        return new InvalidParameterException(field, "must not contain NUL characters").getResponse();
    }
}
