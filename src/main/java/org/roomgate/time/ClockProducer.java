package org.roomgate.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Time is a dependency: services ask for a Clock, so tests move it instead of sleeping. It ticks
 * in microseconds, PostgreSQL's precision, so a time in a response equals the time stored.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
