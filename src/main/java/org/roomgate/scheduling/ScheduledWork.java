package org.roomgate.scheduling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.roomgate.problem.DatabaseFailures;

/**
 * Runs a scheduled job's work so that a database outage costs one WARN per outage and job, not
 * an ERROR with a stack trace on every run: the first failed run says the job waits for the
 * database, later ones are counted, and the first run that succeeds again says so with the
 * count. Any other failure is a bug and is logged with its stack trace every time.
 */
@ApplicationScoped
public class ScheduledWork {

    private static final Logger LOG = Logger.getLogger(ScheduledWork.class);

    private final Map<String, AtomicInteger> failedRuns = new ConcurrentHashMap<>();

    /** Runs the work of the named job; never throws, so the scheduler keeps its interval. */
    public void run(String job, Runnable work) {
        AtomicInteger failures = failedRuns.computeIfAbsent(job, j -> new AtomicInteger());
        try {
            work.run();
        } catch (RuntimeException e) {
            String reason = DatabaseFailures.reason(e).orElse(null);
            if (reason == null) {
                LOG.errorf(e, "Scheduled job %s failed", job);
                return;
            }
            if (failures.getAndIncrement() == 0) {
                LOG.warnf("Scheduled job %s: database unavailable (%s); retrying on every run, quietly until it is back",
                        job, reason);
            } else {
                LOG.debugf("Scheduled job %s: database still unavailable (%s)", job, reason);
            }
            return;
        }
        int failed = failures.getAndSet(0);
        if (failed > 0) {
            LOG.infof("Scheduled job %s: database available again after %d failed runs", job, failed);
        }
    }
}
