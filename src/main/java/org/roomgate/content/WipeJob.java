package org.roomgate.content;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.scheduling.ScheduledWork;

import io.quarkus.scheduler.Scheduled;

/** Wipes closed rooms every {@code roomgate.wipe.interval}, a few rooms per transaction. */
@ApplicationScoped
public class WipeJob {

    static final int ROOMS_PER_TRANSACTION = 10;

    private final WipeService wipes;
    private final ScheduledWork work;

    WipeJob(WipeService wipes, ScheduledWork work) {
        this.wipes = wipes;
        this.work = work;
    }

    @Scheduled(identity = "content-wipe", every = "{roomgate.wipe.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void wipeClosedRooms() {
        work.run("content-wipe", this::wipeBacklog);
    }

    private void wipeBacklog() {
        while (wipes.wipeNext(ROOMS_PER_TRANSACTION) == ROOMS_PER_TRANSACTION) {
            // More rooms are waiting; keep going until the backlog is gone.
        }
    }
}
