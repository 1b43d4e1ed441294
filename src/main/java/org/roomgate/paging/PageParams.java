package org.roomgate.paging;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.roomgate.problem.InvalidParameterException;

/**
 * Paging of every list (API.md v1.1 "Paging and bounds"), taken by a resource method as
 * {@code @BeanParam PageParams page}: {@code limit} (default 100, 1…500) and the opaque cursor
 * {@code after}. The answer is a JSON array of at most {@code limit} items and, when more
 * exist, a {@code Link: <…&after=…&limit=N>; rel="next"} header.
 */
public class PageParams {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    @QueryParam("limit")
    @Parameter(description = "How many items at most (1…500, default 100)", schema = @Schema(minimum = "1", maximum = "500"))
    String limit;

    @QueryParam("after")
    @Parameter(description = "The cursor from the previous page's Link rel=\"next\" (opaque)")
    String after;

    @Context
    UriInfo uri;

    /** The requested limit; anything but an integer in 1…500 is refused with 400 naming {@code limit}. */
    public int limit() {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Refused below, like a number out of range.
        }
        throw new InvalidParameterException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** How many rows to fetch: one more than the limit tells whether a next page exists. */
    public int fetch() {
        return limit() + 1;
    }

    /** The cursor of a list ordered by a numeric id (chat, whiteboard): the id itself, 0 if absent. */
    public long afterNumber() {
        if (after == null) {
            return 0;
        }
        try {
            return Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            throw malformedCursor();
        }
    }

    /** The cursor to the page after this item of a list keyed by a UUID or text id. */
    public static String cursorOf(Object id) {
        return Cursor.encode(id.toString());
    }

    /** The cursor of a list ordered by a text key (tenants), or null for the first page. */
    public String afterKey() {
        return after == null ? null : Cursor.decode(after, 1, this::malformedCursor)[0];
    }

    /**
     * The cursor of a list of rows with UUID ids (the id of the last row of the previous page),
     * or null for the first page.
     */
    public UUID afterId() {
        if (after == null) {
            return null;
        }
        try {
            return UUID.fromString(Cursor.decode(after, 1, this::malformedCursor)[0]);
        } catch (IllegalArgumentException e) {
            throw malformedCursor();
        }
    }

    /**
     * The response for rows fetched with {@link #fetch()}: at most {@code limit} of them, and a
     * Link to the next page when there was one more.
     */
    public <T> Response respond(List<T> rows, Function<T, String> cursorOf) {
        int limit = limit();
        boolean more = rows.size() > limit;
        List<T> page = more ? List.copyOf(rows.subList(0, limit)) : rows;
        Response.ResponseBuilder response = Response.ok(page);
        if (more) {
            String next = uri.getRequestUriBuilder()
                    .replaceQueryParam("after", cursorOf.apply(page.get(page.size() - 1)))
                    .replaceQueryParam("limit", limit)
                    .build().toString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }

    private InvalidParameterException malformedCursor() {
        return new InvalidParameterException("after", "is not a cursor of this list; use the Link rel=\"next\" of the previous page");
    }
}
