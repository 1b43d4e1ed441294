package org.roomgate.backend.jitsi;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.backend.BackendEvent;
import org.roomgate.backend.BackendKind;
import org.roomgate.backend.BackendSettings;
import org.roomgate.backend.CallFreeBackend;
import org.roomgate.backend.Delivery;
import org.roomgate.room.Admission;
import org.roomgate.room.ConferenceGate.BackendAccess;
import org.roomgate.room.Participation;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Jitsi Meet with Prosody's token authentication. Jitsi has no server API roomgate could call to
 * remove a participant or narrow rights mid-call; roomgate enforces instead at every connection:
 * Prosody asks roomgate about each token as a session is made ({@link JitsiAccessService}), and a
 * token of an ended participation, or one wider than the rights now, is refused. Rights that
 * Jitsi cannot enforce at all are listed in the README. Jitsi creates a room when its first
 * participant with a valid token enters, so roomgate makes no lifecycle calls to it.
 */
@ApplicationScoped
public class JitsiBackend implements CallFreeBackend {

    private final JitsiTokens tokens;

    JitsiBackend(JitsiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.JITSI;
    }

    @Override
    public BackendAccess access(BackendSettings settings, Admission admission, String joinToken) {
        JitsiTokens.JitsiCredential credential = tokens.issue(of(settings), admission.tenantId(),
                admission.roomId().toString(), admission.participationId().toString(), admission.displayName(),
                admission.role() == Participation.Role.TEACHER, admission.capabilities());
        return new BackendAccess(BackendKind.JITSI.name(), credential.joinUrl(), null, credential.token());
    }

    /** Prosody's only call to roomgate is the access check, which has its own endpoint. */
    @Override
    public List<BackendEvent> receive(BackendSettings settings, Delivery delivery) {
        throw new AuthenticationFailedException("Jitsi sends no signed events; Prosody's access check has its own path");
    }

    static JitsiSettings of(BackendSettings settings) {
        return new JitsiSettings(settings.url(), settings.appId(), settings.audience(),
                JitsiSettings.Algorithm.valueOf(settings.algorithm()), settings.secret());
    }
}
