package org.roomgate.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/** The production clock; the tests of the running service replace it with TestClock, so it is tested here. */
class ClockProducerTest {

    private final Clock clock = new ClockProducer().clock();

    @Test
    void shouldGiveMicrosecondInstantsAndWorkingMillis() {
        long before = System.currentTimeMillis();
        long millis = clock.millis();
        assertTrue(Math.abs(millis - before) < 1_000, "millis is the time now");
        assertEquals(0, clock.instant().getNano() % 1_000, "no nanoseconds below PostgreSQL's microseconds");
        assertEquals(clock.instant().truncatedTo(ChronoUnit.MICROS).getEpochSecond(), clock.instant().getEpochSecond());
    }

    @Test
    void shouldKeepWorkingInAnotherZone() {
        Clock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));
        assertEquals(ZoneId.of("Europe/Berlin"), berlin.getZone());
        assertTrue(Math.abs(berlin.millis() - clock.millis()) < 1_000);
        LocalDate.now(berlin);
    }
}
