package org.roomgate.backend;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code roomgate_backend_calls_total{backend,call,outcome}} and
 * {@code roomgate_backend_pending{backend}}: no tenant or room as a label.
 */
@ApplicationScoped
public class BackendMetrics {

    private final MeterRegistry registry;
    private final Map<BackendKind, AtomicLong> pending = new EnumMap<>(BackendKind.class);

    BackendMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (BackendKind kind : BackendKind.values()) {
            AtomicLong value = new AtomicLong();
            pending.put(kind, value);
            Gauge.builder("roomgate.backend.pending", value, AtomicLong::doubleValue)
                    .description("Calls to conference backends waiting for a retry")
                    .tag("backend", tag(kind)).register(registry);
        }
    }

    /** One call to a backend and how it ended: ok, failed (retried later) or abandoned. */
    public void call(BackendKind kind, String call, String outcome) {
        Counter.builder("roomgate.backend.calls").description("Calls to conference backends")
                .tag("backend", tag(kind)).tag("call", call).tag("outcome", outcome)
                .register(registry).increment();
    }

    void pending(List<Object[]> byKind) {
        pending.values().forEach(v -> v.set(0));
        byKind.forEach(row -> pending.get(BackendKind.valueOf((String) row[0])).set(((Number) row[1]).longValue()));
    }

    private static String tag(BackendKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
