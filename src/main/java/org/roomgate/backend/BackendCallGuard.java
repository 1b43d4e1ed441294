package org.roomgate.backend;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

/**
 * The backend calls a request waits for (the join-time create, {@code /enter}): each tenant may
 * hold at most {@code roomgate.backend.request-calls-per-tenant} request threads of this instance
 * in such calls, so one school's slow server cannot take the threads every school joins with; one
 * more is refused at once (503 with Retry-After). Every call is counted in
 * {@code roomgate_backend_calls_total} and a failing one reported to {@link BackendOutages}.
 */
@ApplicationScoped
public class BackendCallGuard {

    private final BackendMetrics metrics;
    private final BackendOutages outages;
    private final int perTenant;
    private final ConcurrentHashMap<String, Semaphore> inCalls = new ConcurrentHashMap<>();

    BackendCallGuard(BackendMetrics metrics, BackendOutages outages, BackendConfig config) {
        if (config.requestCallsPerTenant() < 1) {
            throw new IllegalStateException("roomgate.backend.request-calls-per-tenant must be at least 1");
        }
        this.metrics = metrics;
        this.outages = outages;
        this.perTenant = config.requestCallsPerTenant();
    }

    /** Runs the call for a waiting request; {@link BackendUnavailable} passes through after it was counted. */
    public <T> T duringRequest(BackendSettings settings, String call, Supplier<T> remote) {
        Semaphore permits = inCalls.computeIfAbsent(settings.tenantId(), tenant -> new Semaphore(perTenant));
        if (!permits.tryAcquire()) {
            metrics.call(settings.kind(), call, "rejected");
            throw new DomainException(ProblemType.UNAVAILABLE,
                    "The school's conference server is slow to answer; try again shortly.");
        }
        try {
            T result = remote.get();
            metrics.call(settings.kind(), call, "ok");
            outages.answered(settings.tenantId(), settings.kind(), call);
            return result;
        } catch (BackendUnavailable e) {
            metrics.call(settings.kind(), call, "failed");
            outages.failed(settings.tenantId(), settings.kind(), call, e.getMessage());
            throw e;
        } finally {
            permits.release();
        }
    }

    public void duringRequest(BackendSettings settings, String call, Runnable remote) {
        duringRequest(settings, call, () -> {
            remote.run();
            return null;
        });
    }
}
