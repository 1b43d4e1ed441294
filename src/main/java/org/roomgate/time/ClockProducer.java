package org.roomgate.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Time is a dependency: services ask for a Clock, so tests move it instead of sleeping. Its
 * instants have microseconds, PostgreSQL's precision, so a time in a response equals the time
 * stored. (Not Clock.tick(…, 1 µs): on Java 17 its millis() divides by zero below a millisecond.)
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return new MicrosecondClock(Clock.systemUTC());
    }

    static final class MicrosecondClock extends Clock {

        private final Clock base;

        MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return base.millis();
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MicrosecondClock(base.withZone(zone));
        }
    }
}
