package org.roomgate.backend;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.roomgate.consent.Capability;
import org.roomgate.room.Admission;
import org.roomgate.room.ConferenceGate;
import org.roomgate.room.Participation;

/** The join path's view of a tenant's backend: one read of its configuration per join or refresh. */
@ApplicationScoped
public class BackendGateway implements ConferenceGate {

    private static final TenantGate NATIVE = new TenantGate() {
        @Override
        public void checkAdmission(Participation.Role role, Set<Capability> roomFeatures, Set<Capability> allowed) {
        }

        @Override
        public BackendAccess access(Admission admission, String joinToken) {
            return NativeBackend.ACCESS;
        }
    };

    private final BackendConfigService configs;
    private final Backends backends;
    private final EntityManager entityManager;

    BackendGateway(BackendConfigService configs, Backends backends, EntityManager entityManager) {
        this.configs = configs;
        this.backends = backends;
        this.entityManager = entityManager;
    }

    @Override
    public TenantGate forTenant(String tenantId) {
        BackendSettings settings = configs.settingsOf(tenantId);
        if (settings.kind() == BackendKind.NATIVE) {
            return NATIVE;
        }
        ConferenceBackend backend = backends.of(settings.kind());
        return new TenantGate() {
            @Override
            public void checkAdmission(Participation.Role role, Set<Capability> roomFeatures, Set<Capability> allowed) {
                backend.checkAdmission(settings, role, roomFeatures, allowed);
            }

            @Override
            public BackendAccess access(Admission admission, String joinToken) {
                return backend.access(settings, admission, joinToken);
            }
        };
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public long pendingCalls(String tenantId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM backend_call WHERE tenant_id = ?1")
                .setParameter(1, tenantId).getSingleResult()).longValue();
    }
}
