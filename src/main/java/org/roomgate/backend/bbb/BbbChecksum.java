package org.roomgate.backend.bbb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * BigBlueButton's checksums: hex(H(callName + queryString + sharedSecret)) for API calls, and
 * hex(H(callbackURL + body + sharedSecret)) for bbb-webhooks deliveries. H is SHA-1, SHA-256,
 * SHA-384 or SHA-512; a received checksum tells its algorithm by its length.
 */
public enum BbbChecksum {
    SHA1("SHA-1", 40), SHA256("SHA-256", 64), SHA384("SHA-384", 96), SHA512("SHA-512", 128);

    private final String jcaName;
    private final int hexLength;

    BbbChecksum(String jcaName, int hexLength) {
        this.jcaName = jcaName;
        this.hexLength = hexLength;
    }

    /** The checksum of an API call: the query string exactly as sent, without {@code checksum}. */
    public String ofCall(String callName, String queryString, String secret) {
        return hex(callName + queryString + secret);
    }

    public String hex(String data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jcaName).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is part of every JRE", e);
        }
    }

    /** The algorithm a received hex checksum was made with, told by its length. */
    public static Optional<BbbChecksum> byLength(String checksum) {
        for (BbbChecksum c : values()) {
            if (checksum != null && checksum.length() == c.hexLength) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Compares in constant time, so a forger learns nothing from how long a refusal took. */
    public static boolean same(String expected, String received) {
        return received != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                received.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
