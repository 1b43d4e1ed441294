package org.roomgate.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Opaque cursors: the sort key of the last item of a page, base64url-encoded, so that callers
 * pass them back as they are instead of building them.
 */
public final class Cursor {

    private static final String SEPARATOR = "\n";

    private Cursor() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    static String[] decode(String cursor, int parts, Supplier<RuntimeException> malformed) {
        try {
            String[] decoded = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (decoded.length != parts || decoded[0].isEmpty() || decoded[0].indexOf('\0') >= 0) {
                throw malformed.get();
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw malformed.get();
        }
    }
}
