package org.roomgate.backend;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * threads of their own (a close never waits for a backend), and again every
 * {@code roomgate.backend.retry-interval} for those that were not confirmed. Each tenant's calls
 * run one after another in a lane of their own, on a pool of {@code roomgate.backend.call-lanes}
 * threads, and each call is claimed in the database, so a school whose server is slow delays only
 * its own calls, on this instance and on every other one sharing the database.
 */
@ApplicationScoped
public class BackendCallWorker {

    private static final Logger LOG = Logger.getLogger(BackendCallWorker.class);
    /** Tenants looked at per pass; a lane that finishes starts the next pass. */
    private static final int TENANTS_PER_PASS = 100;

    private final BackendCalls calls;
    private final BackendConfigService configs;
    private final Backends backends;
    private final BackendMetrics metrics;
    private final BackendOutages outages;
    private final WipeService wipes;
    private final Clock clock;
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> daemon(r, "backend-calls"));
    private final ExecutorService lanes;
    /** The tenants whose lane runs on this instance, and when it is done. */
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private final AtomicBoolean queued = new AtomicBoolean();

    BackendCallWorker(BackendCalls calls, BackendConfigService configs, Backends backends, BackendMetrics metrics,
            BackendOutages outages, WipeService wipes, Clock clock, BackendConfig config) {
        if (config.callLanes() < 1) {
            throw new IllegalStateException("roomgate.backend.call-lanes must be at least 1");
        }
        this.calls = calls;
        this.configs = configs;
        this.backends = backends;
        this.metrics = metrics;
        this.outages = outages;
        this.wipes = wipes;
        this.clock = clock;
        AtomicInteger number = new AtomicInteger();
        this.lanes = Executors.newFixedThreadPool(config.callLanes(),
                r -> daemon(r, "backend-calls-" + number.incrementAndGet()));
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) BackendCalls.Recorded recorded) {
        dispatchSoon();
    }

    @Scheduled(identity = "backend-calls", every = "{roomgate.backend.retry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        dispatch();
    }

    /** Performs every call due now and returns when each was attempted. */
    public void performDue() {
        dispatch();
        for (CompletableFuture<Void> lane : List.copyOf(running.values())) {
            lane.join();
        }
    }

    private void dispatchSoon() {
        if (queued.compareAndSet(false, true)) {
            dispatcher.execute(() -> {
                queued.set(false);
                dispatch();
            });
        }
    }

    /** Starts a lane for each tenant with due calls that has none running here; never waits for a backend. */
    private void dispatch() {
        inRequestContext(() -> {
            calls.dueTenants(TENANTS_PER_PASS).forEach(this::startLane);
            metrics.pending(calls.pendingByKind());
        });
    }

    private void startLane(String tenantId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (running.putIfAbsent(tenantId, done) != null) {
            return;
        }
        try {
            lanes.execute(() -> {
                try {
                    inRequestContext(() -> {
                        Optional<BackendCall> call;
                        while ((call = calls.claimNext(tenantId)).isPresent()) {
                            perform(call.get());
                        }
                    });
                } finally {
                    running.remove(tenantId, done);
                    done.complete(null);
                    // Calls of this tenant recorded while its lane was ending are due now too.
                    dispatchSoon();
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: the calls stay in the table for the next start.
            running.remove(tenantId, done);
            done.complete(null);
        }
    }

    private static void inRequestContext(Runnable work) {
        // Threads of the executors and the scheduler have no request context for the entity manager.
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            work.run();
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
            outages.failed(call.tenantId, call.backend, name, outcome);
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
            outages.failed(call.tenantId, call.backend, name, outcome);
        }
        if (confirmed) {
            outages.answered(call.tenantId, call.backend, name);
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

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    @PreDestroy
    void stop() {
        dispatcher.shutdownNow();
        lanes.shutdownNow();
    }
}
