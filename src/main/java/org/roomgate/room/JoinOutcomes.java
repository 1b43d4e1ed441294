package org.roomgate.room;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.problem.ProblemType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code roomgate_joins_total{outcome}}: counted in memory, so a join pays no query for it, and
 * every outcome exists from the start so that rates over it are defined before the first refusal.
 * Each instance counts its own joins; Prometheus sums them. Created at start, so the series exist before the first join.
 */
@Startup
@ApplicationScoped
public class JoinOutcomes {

    private final Counter admitted;
    private final Map<ProblemType, Counter> refused = new EnumMap<>(ProblemType.class);

    JoinOutcomes(MeterRegistry registry) {
        admitted = counter(registry, "admitted");
        JoinService.COUNTED_DENIALS.forEach(type -> refused.put(type, counter(registry, type.slug().replace('-', '_'))));
    }

    void admitted() {
        admitted.increment();
    }

    void refused(ProblemType type) {
        refused.get(type).increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("roomgate.joins").description("Join requests by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
