package org.roomgate.backend;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.room.Admission;
import org.roomgate.room.ConferenceGate.BackendAccess;

import io.quarkus.security.AuthenticationFailedException;

/**
 * roomgate's own conference: the join token and the content endpoints are all there is, so
 * there is no meeting to create or end, and nobody who may send events.
 */
@ApplicationScoped
public class NativeBackend implements CallFreeBackend {

    static final BackendAccess ACCESS = BackendAccess.of(BackendKind.NATIVE.name());

    @Override
    public BackendKind kind() {
        return BackendKind.NATIVE;
    }

    @Override
    public BackendAccess access(BackendSettings settings, Admission admission, String joinToken) {
        return ACCESS;
    }

    @Override
    public List<BackendEvent> receive(BackendSettings settings, Delivery delivery) {
        throw new AuthenticationFailedException("The tenant has no backend that sends events");
    }
}
