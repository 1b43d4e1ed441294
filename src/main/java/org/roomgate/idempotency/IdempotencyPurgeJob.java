package org.roomgate.idempotency;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.retention.RetentionConfig;
import org.roomgate.scheduling.ScheduledWork;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes answers past the window every {@code roomgate.idempotency.purge-interval}: an expired
 * key answers nothing any more, so keeping it would only keep data (R4, R8).
 */
@ApplicationScoped
public class IdempotencyPurgeJob {

    private final IdempotencyRecords records;
    private final IdempotencyConfig config;
    private final RetentionConfig retention;
    private final ScheduledWork work;
    private final Clock clock;

    IdempotencyPurgeJob(IdempotencyRecords records, IdempotencyConfig config, RetentionConfig retention, ScheduledWork work,
            Clock clock) {
        this.records = records;
        this.config = config;
        this.retention = retention;
        this.work = work;
        this.clock = clock;
    }

    @Scheduled(identity = "idempotency-purge", every = "{roomgate.idempotency.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        work.run("idempotency-purge", () -> records.purgeBefore(
                clock.instant().minus(IdempotencyConfig.effectiveWindow(config, retention))));
    }
}
