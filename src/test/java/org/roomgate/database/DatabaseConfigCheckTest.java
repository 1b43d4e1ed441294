package org.roomgate.database;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

class DatabaseConfigCheckTest {

    record Timeouts(int connectTimeout, int socketTimeout, int statementTimeout) implements DatabaseConfig {
        @Override
        public Duration readinessTimeout() {
            return Duration.ofSeconds(2);
        }
    }

    @Test
    void shouldStartWithTimeoutsOfASecondOrMore() {
        assertDoesNotThrow(() -> new DatabaseConfigCheck().check(null, new Timeouts(1, 1, 1)));
    }

    @Test
    void shouldRefuseATimeoutThatTheDriverWouldReadAsForever() {
        ConfigurationException refusal = assertThrows(ConfigurationException.class,
                () -> new DatabaseConfigCheck().check(null, new Timeouts(0, 5, 0)));

        assertEquals(Set.of("roomgate.database.connect-timeout", "roomgate.database.statement-timeout"),
                refusal.getConfigKeys());
    }
}
