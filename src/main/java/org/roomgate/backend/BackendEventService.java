package org.roomgate.backend;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.roomgate.backend.BackendEvent.MeetingEnded;
import org.roomgate.backend.BackendEvent.ParticipantJoined;
import org.roomgate.backend.BackendEvent.ParticipantLeft;
import org.roomgate.room.AdmissionService;
import org.roomgate.room.Participation;
import org.roomgate.room.Room;
import org.roomgate.room.RoomService;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Takes events from a tenant's backend: verified by the adapter of the tenant's kind (no
 * transaction is open while it may ask the backend), then applied in one transaction.
 */
@ApplicationScoped
public class BackendEventService {

    private static final Logger LOG = Logger.getLogger(BackendEventService.class);

    private final BackendConfigService configs;
    private final Backends backends;
    private final AdmissionService admissions;
    private final RoomService rooms;
    private final BackendCalls calls;

    BackendEventService(BackendConfigService configs, Backends backends, AdmissionService admissions, RoomService rooms,
            BackendCalls calls) {
        this.configs = configs;
        this.backends = backends;
        this.admissions = admissions;
        this.rooms = rooms;
        this.calls = calls;
    }

    @Transactional(Transactional.TxType.NEVER)
    public void receive(Delivery delivery) {
        BackendSettings settings = configs.settingsOf(delivery.tenantId());
        List<BackendEvent> events = backends.of(settings.kind()).receive(settings, delivery);
        QuarkusTransaction.requiringNew().run(() -> events.forEach(e -> apply(settings, e)));
        LOG.debugf("Tenant %s: %d backend event(s) applied", delivery.tenantId(), events.size());
    }

    private void apply(BackendSettings settings, BackendEvent event) {
        String tenantId = settings.tenantId();
        if (event instanceof ParticipantLeft left) {
            admissions.leftAt(tenantId, left.roomId(), left.participationId(), left.at());
        } else if (event instanceof MeetingEnded ended) {
            if (Room.findOfTenant(tenantId, ended.roomId()).filter(Room::isOpen).isPresent()) {
                rooms.close(tenantId, ended.roomId());
            }
        } else if (event instanceof ParticipantJoined joined) {
            // Someone is inside as a participation that has ended (an old join link, a second
            // device): the backend must remove it again.
            boolean ended = Participation.<Participation>findByIdOptional(joined.participationId())
                    .filter(p -> p.tenantId.equals(tenantId) && p.roomId.equals(joined.roomId()))
                    .map(p -> !p.isOpen()).orElse(true);
            if (ended) {
                calls.record(settings.kind(), tenantId, BackendCall.Type.PARTICIPANT_GONE, joined.roomId(),
                        joined.participationId(), Participation.LeaveReason.CONSENT_WITHDRAWN);
            }
        }
    }
}
