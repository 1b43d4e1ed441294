package org.roomgate.backend;

import java.util.List;
import java.util.Map;

/**
 * One request to {@code /api/v1/backend-events/{tenantId}}, as received: what a backend's
 * signature scheme needs to verify it. {@code rawQuery} is the query string exactly as sent;
 * header names are lower case.
 */
public record Delivery(String tenantId, String method, String rawQuery, Map<String, List<String>> query,
        Map<String, String> headers, String body) {

    /** The first value of a query parameter, or null. */
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
