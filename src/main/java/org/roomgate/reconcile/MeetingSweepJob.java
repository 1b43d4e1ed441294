package org.roomgate.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.roomgate.database.ConferenceSchemaMark;
import org.roomgate.scheduling.ScheduledWork;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * At start and every {@code roomgate.reconcile.interval}: says at WARN when the conference schema
 * came back empty (PostgreSQL's crash recovery or a promoted standby, R9), then ends the meetings
 * roomgate has no open room for ({@link MeetingSweep}). The sweep runs whether or not the mark was
 * lost, because a meeting can also outlive its room when its end was given up, or when a late
 * join re-created it after the close.
 */
@ApplicationScoped
public class MeetingSweepJob {

    private static final Logger LOG = Logger.getLogger(MeetingSweepJob.class);

    private final ConferenceSchemaMark mark;
    private final MeetingSweep sweep;
    private final ScheduledWork work;

    private final ReconcileConfig config;

    MeetingSweepJob(ConferenceSchemaMark mark, MeetingSweep sweep, ScheduledWork work, ReconcileConfig config) {
        this.mark = mark;
        this.sweep = sweep;
        this.work = work;
        this.config = config;
    }

    /** Off is a choice an operator should see: then nothing ends a meeting the database forgot. */
    void onStart(@Observes StartupEvent event) {
        if ("off".equalsIgnoreCase(config.interval()) || "disabled".equalsIgnoreCase(config.interval())) {
            LOG.info("Meeting sweep off (roomgate.reconcile.interval): meetings whose room PostgreSQL forgot are not ended");
        } else {
            LOG.infof("Meeting sweep every %s: ends backend meetings that have no open room", config.interval());
        }
    }

    @Scheduled(identity = "meeting-sweep", every = "{roomgate.reconcile.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        work.run("meeting-sweep", this::runOnce);
    }

    /** One sweep, with the check of the mark first; returns how many meetings it ended. */
    int runOnce() {
        if (mark.restoreIfEmptied()) {
            LOG.warn("The conference schema came back empty (PostgreSQL crash recovery or a promoted standby): "
                    + "open rooms are gone; ending their meetings on the conference servers");
        }
        return sweep.sweepAll();
    }
}
