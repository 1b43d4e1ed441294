package org.roomgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.roomgate.support.TestClock;

class VerifiedTokensTest {

    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private final TestClock clock = new TestClock();

    @Test
    void shouldFindARememberedTokenUntilItsExpiryPlusLeeway() {
        VerifiedTokens tokens = new VerifiedTokens(100, clock, LEEWAY);
        VerifiedToken token = token(clock.instant().plus(Duration.ofMinutes(10)));
        tokens.remember("a.b.c", token);
        assertEquals(Optional.of(token), tokens.find("a.b.c"));
        clock.advance(Duration.ofMinutes(10).plusSeconds(28));
        assertEquals(Optional.of(token), tokens.find("a.b.c"));
        clock.advance(Duration.ofSeconds(3));
        assertEquals(Optional.empty(), tokens.find("a.b.c"));
    }

    @Test
    void shouldFindOnlyTheExactToken() {
        VerifiedTokens tokens = new VerifiedTokens(100, clock, LEEWAY);
        tokens.remember("a.b.c", token(clock.instant().plus(Duration.ofMinutes(10))));
        assertEquals(Optional.empty(), tokens.find("a.b.d"));
        assertEquals(Optional.empty(), tokens.find("a.b.c "));
    }

    @Test
    void shouldStayWithinItsSize() {
        VerifiedTokens tokens = new VerifiedTokens(50, clock, LEEWAY);
        for (int i = 0; i < 1_000; i++) {
            tokens.remember("a.b." + i, token(clock.instant().plus(Duration.ofMinutes(10))));
        }
        assertTrue(tokens.size() <= 50, "size " + tokens.size());
    }

    private static VerifiedToken token(Instant expiresAt) {
        return new VerifiedToken("p", "t", "r", "PUPIL", List.of("CHAT"), expiresAt.truncatedTo(ChronoUnit.SECONDS));
    }
}
