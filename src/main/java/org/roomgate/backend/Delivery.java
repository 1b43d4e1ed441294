package org.roomgate.backend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * One request to {@code /api/v1/backend-events/{tenantId}}, as received: what a backend's
 * signature scheme needs to verify it. {@code rawQuery} is the query string exactly as sent;
 * header names are lower case.
 */
public record Delivery(String tenantId, String method, String rawQuery, Map<String, List<String>> query,
        Map<String, String> headers, String body) {

    /** A request as JAX-RS hands it over, for the tenant it is addressed to. */
    public static Delivery of(String tenantId, String method, UriInfo uri, HttpHeaders headers, String body) {
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        Map<String, List<String>> query = new LinkedHashMap<>(uri.getQueryParameters());
        return new Delivery(tenantId, method, uri.getRequestUri().getRawQuery(), query, lowerCase, body == null ? "" : body);
    }

    /** The first value of a query parameter, or null. */
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
