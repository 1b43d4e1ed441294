package org.roomgate.backend;

import org.roomgate.problem.DomainException;

/**
 * Whether a shared secret that signs tokens (Jitsi's HS256 {@code app_secret}) could have come from
 * 256 random bits. Every participant holds a token signed with it, so a guessable secret can be
 * found offline from one pupil's token and then forges a moderator token for any room. The
 * estimate is deliberately simple: the length times the bits per character of the encoding the
 * secret is written in (hex 4, base64 or base64url 6, any other printable text about 6.6), and a
 * random secret uses a good part of that alphabet, so one that repeats a few characters is
 * refused however long it is. The encoding is judged by the set the characters belong to, never
 * by which characters happen to occur: a random base64 secret without a digit is still base64.
 */
public final class SharedSecretStrength {

    static final int MIN_BITS = 256;
    /** 32 bytes as base64url without padding: the shortest encoding of 256 bits in common use. */
    static final int MIN_LENGTH = 43;
    private static final int HEX = 16;
    private static final int BASE64 = 64;
    /** Printable ASCII. */
    private static final int PRINTABLE = 95;

    private SharedSecretStrength() {
    }

    /** The estimated randomness of the secret in bits: 0 for one that repeats a small set of characters. */
    static double estimatedBits(String secret) {
        int length = secret.codePointCount(0, secret.length());
        long distinct = secret.codePoints().distinct().count();
        int alphabet = alphabet(secret);
        // A random string of n characters over an alphabet of a uses about min(a, n) of them
        // (more than 60 %); half of that is far below any random secret and far above "aaaa…".
        if (distinct * 2 < Math.min(alphabet, length)) {
            return 0;
        }
        return length * (Math.log(alphabet) / Math.log(2));
    }

    /** Refuses a secret below 256 bits of estimated randomness, naming the field. */
    public static void requireStrong(String field, String secret) {
        if (secret.length() < MIN_LENGTH || estimatedBits(secret) < MIN_BITS) {
            throw DomainException.invalid(field, "must be at least " + MIN_BITS + " random bits (e.g. `openssl rand -hex 32` "
                    + "or `openssl rand -base64 32`): at least " + MIN_LENGTH + " characters, not a word, a phrase or "
                    + "a repetition; or use RS256, which needs no shared secret");
        }
    }

    private static int alphabet(String secret) {
        if (secret.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')
                || secret.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'F')) {
            return HEX;
        }
        if (secret.chars().allMatch(SharedSecretStrength::isBase64)) {
            return BASE64;
        }
        return PRINTABLE;
    }

    /** The characters of base64 and base64url together, with the padding. */
    private static boolean isBase64(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '+' || c == '/' || c == '-'
                || c == '_' || c == '=';
    }
}
