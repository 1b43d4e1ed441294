package org.roomgate.room;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import org.roomgate.scheduling.ScheduledWork;

import io.quarkus.scheduler.Scheduled;

/** Closes rooms idle past their timeout and rooms past their maximum duration (R6). */
@ApplicationScoped
public class AutoCloseJob {

    private static final Logger LOG = Logger.getLogger(AutoCloseJob.class);
    private static final int BATCH = 100;

    private final RoomService rooms;
    private final ScheduledWork work;

    AutoCloseJob(RoomService rooms, ScheduledWork work) {
        this.rooms = rooms;
        this.work = work;
    }

    @Scheduled(identity = "room-auto-close", every = "{roomgate.rooms.auto-close-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeDueRooms() {
        work.run("room-auto-close", this::closeDueBatches);
    }

    private void closeDueBatches() {
        int closed;
        do {
            closed = rooms.closeDueRooms(BATCH);
            if (closed > 0) {
                LOG.infof("Auto-closed %d rooms", closed);
            }
        } while (closed == BATCH);
    }
}
