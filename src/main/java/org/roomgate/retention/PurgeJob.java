package org.roomgate.retention;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import org.roomgate.scheduling.ScheduledWork;

import io.quarkus.scheduler.Scheduled;

/** Runs the purge every {@code roomgate.retention.purge-interval}, in batches so that joins never wait long. */
@ApplicationScoped
public class PurgeJob {

    private static final Logger LOG = Logger.getLogger(PurgeJob.class);
    static final int BATCH = 500;

    private final PurgeService purge;
    private final ScheduledWork work;

    PurgeJob(PurgeService purge, ScheduledWork work) {
        this.purge = purge;
        this.work = work;
    }

    @Scheduled(identity = "metadata-purge", every = "{roomgate.retention.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        work.run("metadata-purge", this::purgeExpired);
    }

    private void purgeExpired() {
        int rooms = 0;
        int batch;
        do {
            batch = purge.purgeRooms(BATCH);
            rooms += batch;
        } while (batch == BATCH);
        int denials = purge.purgeDenials();
        if (rooms > 0 || denials > 0) {
            LOG.infof("Purged metadata past retention: %d rooms with their participations, %d join denials", rooms, denials);
        }
    }
}
