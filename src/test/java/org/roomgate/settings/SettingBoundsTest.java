package org.roomgate.settings;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

class SettingBoundsTest {

    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void shouldAcceptValuesOnAndWithinTheirBounds() {
        assertDoesNotThrow(() -> new SettingBounds()
                .atLeast("a", 1, 1)
                .between("b", 1000, 2, 1000)
                .between("c", WEEK, Duration.ZERO, WEEK, "why")
                .orRefuseStart());
    }

    @Test
    void shouldNameEveryKeyAndValueOutOfBoundsAtOnce() {
        ConfigurationException refusal = assertThrows(ConfigurationException.class, () -> new SettingBounds()
                .atLeast("roomgate.database.connect-timeout", 0, 1)
                .atLeast("roomgate.database.socket-timeout", 5, 1)
                .between("roomgate.rooms.max-participants-ceiling", 1001, 2, 1000)
                .orRefuseStart());

        assertEquals(Set.of("roomgate.database.connect-timeout", "roomgate.rooms.max-participants-ceiling"),
                refusal.getConfigKeys());
        assertTrue(refusal.getMessage().contains("roomgate.database.connect-timeout=0 must be at least 1"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("roomgate.rooms.max-participants-ceiling=1001 must be between 2 and 1000"),
                refusal.getMessage());
    }

    @Test
    void shouldSayWhyADurationIsTooLongAndRefuseANegativeOne() {
        ConfigurationException tooLong = assertThrows(ConfigurationException.class, () -> new SettingBounds()
                .between("roomgate.retention.metadata", Duration.ofDays(8), Duration.ZERO, WEEK, "rule R8 says so")
                .orRefuseStart());
        assertTrue(tooLong.getMessage().contains("roomgate.retention.metadata=P8D must be at most P7D: rule R8 says so"),
                tooLong.getMessage());

        ConfigurationException negative = assertThrows(ConfigurationException.class, () -> new SettingBounds()
                .between("roomgate.retention.metadata", Duration.ofSeconds(-1), Duration.ZERO, WEEK, "rule R8 says so")
                .orRefuseStart());
        assertTrue(negative.getMessage().contains("must be at least PT0S"), negative.getMessage());
    }
}
