package org.roomgate.room;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.roomgate.consent.ConsentService;

import io.quarkus.scheduler.Scheduled;

/**
 * Every interval: closes rooms idle past their timeout or past their maximum duration (R6), and
 * ends the participations of pupils whose consent expired since (R1). Each room and each subject
 * is handled in a transaction of its own, so one that fails never holds up the others; a failure
 * is logged once, with ids only (R4), until that room or subject succeeds again.
 */
@ApplicationScoped
public class AutoCloseJob {

    private static final Logger LOG = Logger.getLogger(AutoCloseJob.class);
    private static final int BATCH = 100;

    private final RoomService rooms;
    private final ConsentService consents;
    private final ConsentListener consentNow;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    AutoCloseJob(RoomService rooms, ConsentService consents, ConsentListener consentNow) {
        this.rooms = rooms;
        this.consents = consents;
        this.consentNow = consentNow;
    }

    @Scheduled(identity = "room-auto-close", every = "{roomgate.rooms.auto-close-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        closeDueRooms();
        endExpiredConsents();
    }

    /** Closes every room that is due now; returns how many it closed. */
    int closeDueRooms() {
        Set<UUID> seen = new HashSet<>();
        int closed = 0;
        List<UUID> due;
        do {
            due = rooms.dueRooms(BATCH, seen);
            seen.addAll(due);
            for (UUID room : due) {
                if (isolated("room " + room, "Auto-close of room " + room, () -> rooms.closeIfDue(room))) {
                    closed++;
                }
            }
        } while (due.size() == BATCH);
        if (closed > 0) {
            LOG.infof("Auto-closed %d rooms", closed);
        }
        return closed;
    }

    /** Ends the open participations of pupils whose consent has passed its validUntil. */
    void endExpiredConsents() {
        for (Map.Entry<String, List<String>> tenant : Participation.openPupilSubjects().entrySet()) {
            String tenantId = tenant.getKey();
            for (String subject : consents.expiredAmong(tenantId, tenant.getValue())) {
                isolated("subject " + tenantId + "/" + subject, "Ending participations of an expired consent in tenant " + tenantId,
                        () -> {
                            consentNow.applyConsentNow(tenantId, subject);
                            return true;
                        });
            }
        }
    }

    private boolean isolated(String key, String what, BooleanSupplier work) {
        try {
            boolean done = work.getAsBoolean();
            failing.remove(key);
            return done;
        } catch (RuntimeException e) {
            if (failing.add(key)) {
                LOG.warnf("%s failed (%s); retried every interval, logged again only after it succeeded",
                        what, e.getClass().getSimpleName());
            }
            return false;
        }
    }
}
