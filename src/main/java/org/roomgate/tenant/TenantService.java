package org.roomgate.tenant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.tenant.TenantDtos.ApiKeyCreated;
import org.roomgate.tenant.TenantDtos.ApiKeyRequest;
import org.roomgate.tenant.TenantDtos.ApiKeyView;
import org.roomgate.tenant.TenantDtos.TenantRequest;
import org.roomgate.tenant.TenantDtos.TenantView;

/** Tenants and their API keys, managed by operations. */
@ApplicationScoped
@Transactional
public class TenantService {

    private static final Logger LOG = Logger.getLogger(TenantService.class);

    private final Clock clock;

    TenantService(Clock clock) {
        this.clock = clock;
    }

    public TenantView create(TenantRequest request) {
        if (Tenant.findById(request.id()) != null) {
            throw new DomainException(ProblemType.CONFLICT, "Tenant '" + request.id() + "' already exists.");
        }
        Tenant tenant = new Tenant();
        tenant.id = request.id();
        tenant.name = request.name().strip();
        tenant.createdAt = now();
        tenant.persist();
        LOG.infof("Tenant %s created", tenant.id);
        return TenantView.of(tenant);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TenantView> list(String after, int rows) {
        return Tenant.page(after, rows).stream().map(TenantView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TenantView get(String tenantId) {
        return TenantView.of(requireTenant(tenantId));
    }

    public ApiKeyCreated createKey(String tenantId, ApiKeyRequest request) {
        requireTenant(tenantId);
        String secret = KeyHashing.newKey();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.tenantId = tenantId;
        key.role = request.role();
        key.label = request.label() == null ? "" : request.label().strip();
        key.keyHash = KeyHashing.hash(secret);
        key.createdAt = now();
        key.persist();
        LOG.infof("API key %s (%s) created for tenant %s", key.id, key.role, tenantId);
        return new ApiKeyCreated(key.id, key.role, key.label, secret, key.createdAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKeyView> listKeys(String tenantId, UUID after, int rows) {
        requireTenant(tenantId);
        return ApiKey.pageOfTenant(tenantId, after, rows).stream().map(ApiKeyView::of).toList();
    }

    /** Revokes a key; the next request with it is refused. Revoking twice is harmless. */
    public void revokeKey(String tenantId, UUID keyId) {
        ApiKey key = ApiKey.findOfTenant(tenantId, keyId)
                .orElseThrow(() -> DomainException.notFound("API key"));
        if (key.revokedAt == null) {
            key.revokedAt = now();
            LOG.infof("API key %s of tenant %s revoked", key.id, tenantId);
        }
    }

    private Tenant requireTenant(String tenantId) {
        Tenant tenant = Tenant.findById(tenantId);
        if (tenant == null) {
            throw DomainException.notFound("Tenant");
        }
        return tenant;
    }

    private Instant now() {
        return clock.instant();
    }
}
