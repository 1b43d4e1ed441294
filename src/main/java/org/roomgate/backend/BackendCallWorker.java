package org.roomgate.backend;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;
import org.roomgate.content.WipeService;
import org.roomgate.room.Room;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Performs recorded backend calls: at once after the transaction that recorded them commits, on
 * a thread of its own (a close never waits for a backend), and again every
 * {@code roomgate.backend.retry-interval} for those that were not confirmed.
 */
@ApplicationScoped
public class BackendCallWorker {

    private static final Logger LOG = Logger.getLogger(BackendCallWorker.class);
    private static final int BATCH = 10;

    private final BackendCalls calls;
    private final BackendConfigService configs;
    private final Backends backends;
    private final BackendMetrics metrics;
    private final WipeService wipes;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "backend-calls");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    BackendCallWorker(BackendCalls calls, BackendConfigService configs, Backends backends, BackendMetrics metrics,
            WipeService wipes, Clock clock) {
        this.calls = calls;
        this.configs = configs;
        this.backends = backends;
        this.metrics = metrics;
        this.wipes = wipes;
        this.clock = clock;
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) BackendCalls.Recorded recorded) {
        if (queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                performDue();
            });
        }
    }

    @Scheduled(identity = "backend-calls", every = "{roomgate.backend.retry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        performDue();
    }

    /** Performs every due call; one at a time per instance, as one backend call after another. */
    public synchronized void performDue() {
        // Threads of the executor and the scheduler have no request context for the entity manager.
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            List<BackendCall> due;
            do {
                due = calls.claimDue(BATCH);
                due.forEach(this::perform);
            } while (due.size() == BATCH);
            metrics.pending(calls.pendingByKind());
        } catch (RuntimeException e) {
            // The database is away (or shutting down): the calls stay in the table for the next pass.
            LOG.warnf("Backend calls could not be processed now: %s", e.getClass().getSimpleName());
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private void perform(BackendCall call) {
        String name = call.type.name().toLowerCase(java.util.Locale.ROOT);
        String outcome;
        boolean confirmed = false;
        try {
            BackendSettings settings = configs.settingsOf(call.tenantId);
            if (settings.kind() != call.backend) {
                calls.confirmed(call);
                metrics.call(call.backend, name, "abandoned");
                return;
            }
            MeetingRoom room = QuarkusTransaction.requiringNew().call(() -> Room.findOfTenant(call.tenantId, call.roomId)
                    .map(MeetingRoom::of).orElse(MeetingRoom.gone(call.tenantId, call.roomId)));
            ConferenceBackend backend = backends.of(call.backend);
            confirmed = switch (call.type) {
                case END_MEETING -> backend.endMeeting(settings, room);
                case PARTICIPANT_GONE -> backend.participantGone(settings, room, call.participationId, call.leaveReason);
                case CAPABILITIES_CHANGED -> backend.capabilitiesChanged(settings, room, call.participationId,
                        QuarkusTransaction.requiringNew().call(() -> currentCapabilities(call)));
            };
            outcome = confirmed ? "confirmed" : "not confirmed yet";
        } catch (BackendUnavailable e) {
            outcome = e.getMessage();
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
            LOG.warnf("Backend call %d (%s) of tenant %s failed: %s", call.id, call.type, call.tenantId, outcome);
        }
        if (confirmed) {
            calls.confirmed(call);
            if (call.type == BackendCall.Type.END_MEETING) {
                wipes.recordBackendEnded(call.roomId, clock.instant());
            }
            metrics.call(call.backend, name, "ok");
            LOG.infof("Backend call %s for room %s of tenant %s confirmed after %d attempt(s)", call.type, call.roomId,
                    call.tenantId, call.attempts);
        } else if (calls.retryLater(call, outcome)) {
            metrics.call(call.backend, name, "failed");
        } else {
            metrics.call(call.backend, name, "abandoned");
            LOG.warnf("Backend call %s for room %s of tenant %s given up after %d attempts", call.type, call.roomId,
                    call.tenantId, call.attempts);
        }
    }

    private static List<String> currentCapabilities(BackendCall call) {
        return org.roomgate.room.Participation.<org.roomgate.room.Participation>findByIdOptional(call.participationId)
                .map(org.roomgate.room.Participation::capabilityList).orElse(List.of());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
