package org.roomgate.retention;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

class RetentionConfigCheckTest {

    record Retention(Duration metadata) implements RetentionConfig {
        @Override
        public String purgeInterval() {
            return "1m";
        }
    }

    @Test
    void shouldKeepMetadataForAtMostSevenDays() {
        assertDoesNotThrow(() -> new RetentionConfigCheck().check(null, new Retention(Duration.ofDays(7))));
        assertDoesNotThrow(() -> new RetentionConfigCheck().check(null, new Retention(Duration.ZERO)));

        ConfigurationException refusal = assertThrows(ConfigurationException.class,
                () -> new RetentionConfigCheck().check(null, new Retention(Duration.ofDays(7).plusSeconds(1))));
        assertTrue(refusal.getMessage().contains("roomgate.retention.metadata") && refusal.getMessage().contains("R8"),
                refusal.getMessage());
        assertThrows(ConfigurationException.class,
                () -> new RetentionConfigCheck().check(null, new Retention(Duration.ofSeconds(-1))));
    }
}
