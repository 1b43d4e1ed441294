package org.roomgate.backend;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

import io.quarkus.arc.All;

/** The adapters of this build, by kind. */
@ApplicationScoped
public class Backends {

    private final Map<BackendKind, ConferenceBackend> byKind = new EnumMap<>(BackendKind.class);

    Backends(@All List<ConferenceBackend> adapters) {
        adapters.forEach(a -> byKind.put(a.kind(), a));
    }

    public ConferenceBackend of(BackendKind kind) {
        ConferenceBackend adapter = byKind.get(kind);
        if (adapter == null) {
            throw new DomainException(ProblemType.UNAVAILABLE, "This roomgate version has no adapter for " + kind + ".");
        }
        return adapter;
    }
}
