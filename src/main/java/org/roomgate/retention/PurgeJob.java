package org.roomgate.retention;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs the purge every {@code roomgate.retention.purge-interval}, in batches so that joins never
 * wait long, and counts what it deleted in {@code roomgate_purged_total{kind}}.
 */
@Startup
@ApplicationScoped
public class PurgeJob {

    private static final Logger LOG = Logger.getLogger(PurgeJob.class);
    static final int BATCH = 500;

    private final PurgeService purge;
    private final Counter roomsPurged;
    private final Counter denialsPurged;
    private final Counter refusalsPurged;

    PurgeJob(PurgeService purge, MeterRegistry registry) {
        this.purge = purge;
        this.roomsPurged = purged(registry, "rooms");
        this.denialsPurged = purged(registry, "join_denials");
        this.refusalsPurged = purged(registry, "recording_refusals");
    }

    @Scheduled(identity = "metadata-purge", every = "{roomgate.retention.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        int rooms = 0;
        int batch;
        do {
            batch = purge.purgeRooms(BATCH);
            rooms += batch;
            roomsPurged.increment(batch);
        } while (batch == BATCH);
        int denials = purge.purgeDenials();
        denialsPurged.increment(denials);
        int refusals = purge.purgeRecordingRefusals();
        refusalsPurged.increment(refusals);
        if (rooms > 0 || denials > 0 || refusals > 0) {
            LOG.infof("Purged metadata past retention: %d rooms with their participations, %d join denials, "
                    + "%d recording refusals", rooms, denials, refusals);
        }
    }

    private static Counter purged(MeterRegistry registry, String kind) {
        return Counter.builder("roomgate.purged").description("Conference metadata deleted past retention (R8), by kind")
                .tag("kind", kind).register(registry);
    }
}
