package org.roomgate.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** The service's clock in tests: real time plus an offset that tests move forward. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /**
     * Moves forward to {@code before} ahead of the next midnight in the zone, so that a test can
     * cross a day boundary (a consent's validUntil) well within a join token's lifetime.
     */
    public void advanceToBeforeMidnight(ZoneId zone, Duration before) {
        Instant midnight = instant().atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        Duration gap = Duration.between(instant(), midnight).minus(before);
        advance(gap.isNegative() ? gap.plusDays(1) : gap);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        // Microseconds, like the production clock and PostgreSQL.
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock outer = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return outer.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return outer.withZone(other);
            }
        };
    }
}
