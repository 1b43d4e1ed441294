package org.roomgate.room;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

class RoomsConfigCheckTest {

    private static final Duration DAY = Duration.ofDays(1);

    record Rooms(int maxParticipantsCeiling, int maxOpenPerTenant, Duration maxDurationCeiling) implements RoomsConfig {
        @Override
        public Duration defaultIdleTimeout() {
            return Duration.ofMinutes(15);
        }

        @Override
        public Duration defaultMaxDuration() {
            return Duration.ofHours(8);
        }

        @Override
        public String autoCloseInterval() {
            return "15s";
        }
    }

    @Test
    void shouldStartWithTheDefaultsAndTheExtremes() {
        assertDoesNotThrow(() -> new RoomsConfigCheck().check(null, new Rooms(50, 500, DAY)));
        assertDoesNotThrow(() -> new RoomsConfigCheck().check(null, new Rooms(2, 1, Duration.ofSeconds(1))));
        assertDoesNotThrow(() -> new RoomsConfigCheck().check(null, new Rooms(1000, 1, Duration.ofDays(7))));
    }

    @Test
    void shouldRefuseToStartWithLimitsOutOfBounds() {
        ConfigurationException refusal = assertThrows(ConfigurationException.class,
                () -> new RoomsConfigCheck().check(null, new Rooms(1001, 0, Duration.ofDays(8))));

        assertEquals(Set.of("roomgate.rooms.max-participants-ceiling", "roomgate.rooms.max-open-per-tenant",
                "roomgate.rooms.max-duration-ceiling"), refusal.getConfigKeys());
        assertTrue(refusal.getMessage().contains("roomgate.rooms.max-duration-ceiling=P8D must be at most P7D: rule R8"),
                refusal.getMessage());
        assertThrows(ConfigurationException.class, () -> new RoomsConfigCheck().check(null, new Rooms(1, 1, DAY)));
        assertThrows(ConfigurationException.class, () -> new RoomsConfigCheck().check(null, new Rooms(50, 1, Duration.ZERO)));
    }
}
