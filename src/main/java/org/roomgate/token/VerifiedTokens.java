package org.roomgate.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Join tokens whose signature and claims were already checked, so that a participant's next
 * requests skip the signature. Keyed by the token's SHA-256 (the token itself, which names the
 * pupil, is not kept as a key), bounded in size, and each entry dies when its token expires.
 * It answers only "this exact token was valid": whether the participation is still open is
 * checked in the database on every request, so leaving, a close or a withdrawal still revoke
 * at once.
 */
final class VerifiedTokens {

    private final Cache<ByteBuffer, VerifiedToken> verified;
    private final Clock clock;
    private final Duration leeway;

    VerifiedTokens(int maximumSize, Clock clock, Duration leeway) {
        this.clock = clock;
        this.leeway = leeway;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new UntilTokenExpires())
                .build();
    }

    /** The token's claims if it was verified before and has not expired since, by the service's clock. */
    Optional<VerifiedToken> find(String jwt) {
        VerifiedToken token = verified.getIfPresent(key(jwt));
        return token != null && !expired(token) ? Optional.of(token) : Optional.empty();
    }

    void remember(String jwt, VerifiedToken token) {
        verified.put(key(jwt), token);
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** The verifier's rule: refused once the clock is past {@code exp} plus the leeway, in whole seconds. */
    private boolean expired(VerifiedToken token) {
        return clock.instant().getEpochSecond() - leeway.toSeconds() >= token.expiresAt().getEpochSecond();
    }

    private static ByteBuffer key(String jwt) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(jwt.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Memory is freed when the token could no longer pass anyway; {@link #find} decides by the service's clock. */
    private final class UntilTokenExpires implements Expiry<ByteBuffer, VerifiedToken> {

        @Override
        public long expireAfterCreate(ByteBuffer key, VerifiedToken token, long currentTime) {
            Duration left = Duration.between(clock.instant(), token.expiresAt().plus(leeway));
            return Math.max(0, left.toNanos());
        }

        @Override
        public long expireAfterUpdate(ByteBuffer key, VerifiedToken token, long currentTime, long currentDuration) {
            return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(ByteBuffer key, VerifiedToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
