package org.roomgate.problem;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * Says that requests fail because the database is unavailable without a line (or a stack
 * trace) per request: the first failure is logged at once, later ones as a count at most once
 * per interval. The reason is a SQLState or class name, never request data (R4).
 */
final class OutageLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);

    OutageLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    void failed(String reason) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        boolean due = last == Long.MIN_VALUE || now - last >= intervalNanos;
        if (due && lastLogged.compareAndSet(last, now)) {
            long more = suppressed.getAndSet(0);
            log.warnf("Database unavailable (%s): answering 503 with Retry-After; %d more such requests since the last message",
                    reason, more);
        } else {
            suppressed.incrementAndGet();
        }
    }
}
