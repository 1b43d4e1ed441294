package org.roomgate.idempotency;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.roomgate.retention.RetentionConfig;

import io.quarkus.runtime.configuration.ConfigurationException;

class IdempotencyConfigCheckTest {

    record Window(Duration window) implements IdempotencyConfig {
        @Override
        public String purgeInterval() {
            return "1m";
        }
    }

    record Retention(Duration metadata) implements RetentionConfig {
        @Override
        public String purgeInterval() {
            return "1m";
        }
    }

    @Test
    void shouldRefuseAWindowAboveADay() {
        assertDoesNotThrow(() -> new IdempotencyConfigCheck().check(null, new Window(Duration.ofDays(1))));
        ConfigurationException refusal = assertThrows(ConfigurationException.class,
                () -> new IdempotencyConfigCheck().check(null, new Window(Duration.ofDays(1).plusSeconds(1))));
        assertTrue(refusal.getMessage().contains("roomgate.idempotency.window") && refusal.getMessage().contains("R8"),
                refusal.getMessage());
        assertThrows(ConfigurationException.class, () -> new IdempotencyConfigCheck().check(null, new Window(Duration.ZERO)));
    }

    @Test
    void shouldShortenTheWindowToAShorterRetention() {
        assertEquals(Duration.ofMinutes(5), IdempotencyConfig.effectiveWindow(new Window(Duration.ofHours(24)),
                new Retention(Duration.ofMinutes(5))));
        assertEquals(Duration.ofHours(24), IdempotencyConfig.effectiveWindow(new Window(Duration.ofHours(24)),
                new Retention(Duration.ofDays(7))));
    }
}
