package org.roomgate.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * The production clock; the tests of the running service replace it with TestClock, so it is
 * tested here, on a fixed base clock whose instant has nanoseconds below the microsecond.
 */
class ClockProducerTest {

    private static final Instant WITH_NANOS = Instant.parse("2026-03-28T23:30:00.123456789Z");
    private static final Clock BASE = Clock.fixed(WITH_NANOS, ZoneOffset.UTC);

    @Test
    void shouldCutInstantsToPostgresMicroseconds() {
        Clock clock = new ClockProducer.MicrosecondClock(BASE);
        assertEquals(Instant.parse("2026-03-28T23:30:00.123456Z"), clock.instant());
    }

    @Test
    void shouldAnswerMillisLikeItsBase() {
        // Clock.tick(…, 1 µs) would divide by zero here on Java 17.
        assertEquals(WITH_NANOS.toEpochMilli(), new ClockProducer.MicrosecondClock(BASE).millis());
    }

    @Test
    void shouldStayMicrosecondsInAnotherZoneAndGiveThatZonesDate() {
        Clock berlin = new ClockProducer.MicrosecondClock(BASE).withZone(ZoneId.of("Europe/Berlin"));
        assertEquals(Instant.parse("2026-03-28T23:30:00.123456Z"), berlin.instant());
        assertEquals(ZoneId.of("Europe/Berlin"), berlin.getZone());
        // 23:30 UTC is already the next day in Berlin: consent expiry depends on this.
        assertEquals(LocalDate.parse("2026-03-29"), LocalDate.now(berlin));
    }

    @Test
    void shouldProduceTheSystemTimeInUtc() {
        Clock clock = new ClockProducer().clock();
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertTrue(Duration.between(clock.instant(), Instant.now()).abs().compareTo(Duration.ofSeconds(5)) < 0);
        assertEquals(0, clock.instant().getNano() % 1_000);
    }
}
