package org.roomgate.content;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Wipes closed rooms every {@code roomgate.wipe.interval}, a few rooms per transaction. */
@ApplicationScoped
public class WipeJob {

    static final int ROOMS_PER_TRANSACTION = 10;

    private final WipeService wipes;

    WipeJob(WipeService wipes) {
        this.wipes = wipes;
    }

    @Scheduled(identity = "content-wipe", every = "{roomgate.wipe.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void wipeClosedRooms() {
        while (wipes.wipeNext(ROOMS_PER_TRANSACTION) == ROOMS_PER_TRANSACTION) {
            // More rooms are waiting; keep going until the backlog is gone.
        }
    }
}
