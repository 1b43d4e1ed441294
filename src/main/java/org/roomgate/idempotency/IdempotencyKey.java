package org.roomgate.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.roomgate.problem.DomainException;

/**
 * A valid {@value Idempotent#HEADER} value: the draft's structured-field string ({@code "…"}),
 * or the same characters unquoted as most clients send them; 1–255 visible ASCII characters
 * without quote or backslash. Only its SHA-256 is stored, so the database never holds what a
 * client may have put into it.
 */
record IdempotencyKey(byte[] hash) {

    static final int MAX_LENGTH = 255;
    private static final Pattern VALID = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1," + MAX_LENGTH + "}");

    /** The key of the header value; a malformed value is a 400 naming the header. */
    static IdempotencyKey parse(String header) {
        String value = header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")
                ? header.substring(1, header.length() - 1)
                : header;
        if (!VALID.matcher(value).matches()) {
            throw DomainException.invalid(Idempotent.HEADER, "must be 1 to " + MAX_LENGTH
                    + " visible ASCII characters without quote or backslash, optionally in double quotes");
        }
        return new IdempotencyKey(Fingerprint.sha256().digest(value.getBytes(StandardCharsets.US_ASCII)));
    }
}
