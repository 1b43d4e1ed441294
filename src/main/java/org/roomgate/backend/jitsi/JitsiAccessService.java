package org.roomgate.backend.jitsi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.roomgate.backend.BackendConfigService;
import org.roomgate.backend.BackendKind;
import org.roomgate.backend.BackendSettings;
import org.roomgate.room.Participation;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Prosody's check of a token ({@code prosody/mod_roomgate_access.lua}): before a participant joins
 * a room and every few seconds while inside, Prosody asks whether that token may still be used.
 * roomgate answers from the participation: no once it has ended (leave, withdrawal, a consent
 * that no longer counts, the room's close), and no for a token that grants more than the
 * participant may do now (R2), so the client must fetch a fresh one through roomgate.
 */
@ApplicationScoped
public class JitsiAccessService {

    private static final Logger LOG = Logger.getLogger(JitsiAccessService.class);
    private static final String BEARER = "Bearer ";

    private final BackendConfigService configs;
    private final JitsiTokens tokens;

    JitsiAccessService(BackendConfigService configs, JitsiTokens tokens) {
        this.configs = configs;
        this.tokens = tokens;
    }

    /** Whether the token's participant may connect now; 401 for a token that is not the tenant's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayConnect(String tenantId, String authorization) {
        BackendSettings settings = configs.settingsOf(tenantId);
        if (settings.kind() != BackendKind.JITSI || authorization == null || !authorization.startsWith(BEARER)) {
            throw new AuthenticationFailedException("No Jitsi token of this tenant");
        }
        String token = authorization.substring(BEARER.length()).strip();
        JitsiTokens.TokenSubject subject = tokens.verify(JitsiBackend.of(settings), token)
                .filter(s -> tenantId.toLowerCase(Locale.ROOT).equals(s.tenant()))
                .orElseThrow(() -> new AuthenticationFailedException("No Jitsi token of this tenant"));
        Optional<Participation> participation = participationOf(subject.participationId())
                .flatMap(id -> Participation.<Participation>findByIdOptional(id))
                .filter(p -> p.tenantId.equals(tenantId));
        boolean allowed = participation.filter(Participation::isOpen)
                .filter(p -> withinRights(subject.features(), p.capabilityList()))
                .isPresent();
        if (!allowed) {
            LOG.infof("Jitsi connection of participation %s in tenant %s refused", subject.participationId(), tenantId);
        }
        return allowed;
    }

    /** Every feature the token turns on is still on for the participant's rights now. */
    static boolean withinRights(Map<String, String> tokenFeatures, List<String> capabilities) {
        Map<String, String> now = JitsiFeature.of(capabilities);
        return tokenFeatures.entrySet().stream()
                .filter(e -> "true".equals(e.getValue()))
                .allMatch(e -> "true".equals(now.get(e.getKey())));
    }

    private static Optional<UUID> participationOf(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
