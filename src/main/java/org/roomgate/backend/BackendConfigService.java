package org.roomgate.backend;

import java.net.URI;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.roomgate.backend.BackendDtos.BackendRequest;
import org.roomgate.backend.BackendDtos.BackendView;
import org.roomgate.database.PooledStatements;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

/** A tenant's conference backend, set by operations; secrets go in sealed and never come out. */
@ApplicationScoped
@Transactional
public class BackendConfigService {

    private static final Logger LOG = Logger.getLogger(BackendConfigService.class);
    private static final Set<String> HTTP = Set.of("http", "https");
    private static final Set<String> WEBSOCKET = Set.of("ws", "wss");
    private static final String SETTINGS = "SELECT kind, url, api_url, api_key, app_id, audience, algorithm, checksum,"
            + " sealed_secret FROM tenant_backend WHERE tenant_id = ?";

    private final EntityManager entityManager;
    private final SecretBox secrets;
    private final Clock clock;
    private final PooledStatements statements;

    BackendConfigService(EntityManager entityManager, SecretBox secrets, Clock clock, PooledStatements statements) {
        this.statements = statements;
        this.entityManager = entityManager;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Sets the tenant's backend. The tenant's row is locked first: a room insert holds a key-share
     * lock on it until it commits, so no room can open between the check and the change, on any
     * instance. A change while rooms are open, or while calls to the old backend are unconfirmed,
     * would strand those conferences on a backend roomgate no longer speaks to.
     */
    public BackendView put(String tenantId, BackendRequest request) {
        TenantBackend wanted = validated(tenantId, request);
        if (entityManager.createNativeQuery("SELECT id FROM tenant WHERE id = ?1 FOR UPDATE")
                .setParameter(1, tenantId).getResultList().isEmpty()) {
            throw DomainException.notFound("Tenant");
        }
        TenantBackend current = TenantBackend.findById(tenantId);
        if (current == null ? wanted.kind == BackendKind.NATIVE : same(current, wanted, tenantId)) {
            return current == null ? BackendView.nativeDefault() : BackendView.of(current);
        }
        refuseWhileInUse(tenantId);
        if (current != null) {
            current.delete();
            entityManager.flush();
        }
        wanted.updatedAt = clock.instant();
        wanted.persist();
        LOG.infof("Conference backend of tenant %s set to %s", tenantId, wanted.kind);
        return BackendView.of(wanted);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BackendView get(String tenantId) {
        if (entityManager.createNativeQuery("SELECT 1 FROM tenant WHERE id = ?1").setParameter(1, tenantId)
                .getResultList().isEmpty()) {
            throw DomainException.notFound("Tenant");
        }
        TenantBackend stored = TenantBackend.findById(tenantId);
        return stored == null ? BackendView.nativeDefault() : BackendView.of(stored);
    }

    /**
     * The tenant's backend with its secret opened, for one call; NATIVE when none is set. One plain
     * statement on the pool's connection (inside a transaction, the one enlisted in it): the join
     * path calls this in its admission transaction, where a Hibernate session and an entity would
     * cost more than the query.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BackendSettings settingsOf(String tenantId) {
        return statements.prepared(SETTINGS, query -> {
            query.setString(1, tenantId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return BackendSettings.nativeFor(tenantId);
                }
                byte[] sealed = row.getBytes("sealed_secret");
                return new BackendSettings(tenantId, BackendKind.valueOf(row.getString("kind")), row.getString("url"),
                        row.getString("api_url"), row.getString("api_key"), row.getString("app_id"),
                        row.getString("audience"), row.getString("algorithm"), row.getString("checksum"),
                        sealed == null ? null : secrets.open(tenantId, sealed));
            }
        });
    }

    private void refuseWhileInUse(String tenantId) {
        Number open = (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM conference.room WHERE tenant_id = ?1 AND state = 'OPEN'")
                .setParameter(1, tenantId).getSingleResult();
        if (open.longValue() > 0) {
            throw new DomainException(ProblemType.CONFLICT, "The tenant has " + open + " open room(s); "
                    + "close them before changing its conference backend.");
        }
        Number pending = (Number) entityManager.createNativeQuery("SELECT count(*) FROM backend_call WHERE tenant_id = ?1")
                .setParameter(1, tenantId).getSingleResult();
        if (pending.longValue() > 0) {
            throw new DomainException(ProblemType.CONFLICT, pending + " call(s) to the current backend are not confirmed yet; "
                    + "retry when /api/v1/stats shows none pending.");
        }
    }

    private boolean same(TenantBackend current, TenantBackend wanted, String tenantId) {
        String currentSecret = current.sealedSecret == null ? null : secrets.open(tenantId, current.sealedSecret);
        String wantedSecret = wanted.sealedSecret == null ? null : secrets.open(tenantId, wanted.sealedSecret);
        return current.kind == wanted.kind && Objects.equals(current.url, wanted.url)
                && Objects.equals(current.apiUrl, wanted.apiUrl) && Objects.equals(current.apiKey, wanted.apiKey)
                && Objects.equals(current.appId, wanted.appId) && Objects.equals(current.audience, wanted.audience)
                && Objects.equals(current.algorithm, wanted.algorithm) && Objects.equals(current.checksum, wanted.checksum)
                && Objects.equals(currentSecret, wantedSecret);
    }

    /** Checks the fields of the request's kind, and that no other kind's fields came along. */
    private TenantBackend validated(String tenantId, BackendRequest r) {
        TenantBackend b = new TenantBackend();
        b.tenantId = tenantId;
        b.kind = r.kind();
        switch (r.kind()) {
            case NATIVE -> onlyFields(r);
            case BIGBLUEBUTTON -> {
                onlyFields(r, "url", "secret", "checksum");
                String url = url("url", r.url(), HTTP);
                b.url = url.endsWith("/") ? url : url + "/";
                b.checksum = (r.checksum() == null ? BackendDtos.ChecksumAlgorithm.SHA256 : r.checksum()).name();
                b.sealedSecret = secrets.seal(tenantId, required("secret", r.secret()));
            }
            case LIVEKIT -> {
                onlyFields(r, "url", "apiUrl", "apiKey", "apiSecret");
                b.url = url("url", r.url(), WEBSOCKET);
                b.apiUrl = url("apiUrl", r.apiUrl(), HTTP);
                b.apiKey = required("apiKey", r.apiKey());
                b.sealedSecret = secrets.seal(tenantId, required("apiSecret", r.apiSecret()));
            }
            case JITSI -> {
                onlyFields(r, "url", "appId", "audience", "algorithm", "appSecret");
                b.url = url("url", r.url(), HTTP);
                b.appId = required("appId", r.appId());
                b.audience = r.audience() == null ? "jitsi" : required("audience", r.audience());
                BackendDtos.JitsiAlgorithm algorithm = r.algorithm() == null ? BackendDtos.JitsiAlgorithm.RS256 : r.algorithm();
                b.algorithm = algorithm.name();
                if (algorithm == BackendDtos.JitsiAlgorithm.HS256) {
                    String appSecret = required("appSecret", r.appSecret());
                    SharedSecretStrength.requireStrong("appSecret", appSecret);
                    b.sealedSecret = secrets.seal(tenantId, appSecret);
                } else if (r.appSecret() != null) {
                    throw DomainException.invalid("appSecret", "only with algorithm HS256; RS256 uses roomgate's key");
                }
            }
        }
        return b;
    }

    private static void onlyFields(BackendRequest r, String... allowed) {
        Set<String> ok = Set.of(allowed);
        Object[][] fields = { { "url", r.url() }, { "secret", r.secret() }, { "checksum", r.checksum() },
                { "apiUrl", r.apiUrl() }, { "apiKey", r.apiKey() }, { "apiSecret", r.apiSecret() }, { "appId", r.appId() },
                { "audience", r.audience() }, { "algorithm", r.algorithm() }, { "appSecret", r.appSecret() } };
        for (Object[] field : fields) {
            if (field[1] != null && !ok.contains((String) field[0])) {
                throw DomainException.invalid((String) field[0], "is not a field of kind " + r.kind());
            }
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "must not be blank");
        }
        return value.strip();
    }

    private static String url(String field, String value, Set<String> schemes) {
        String text = required(field, value);
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw DomainException.invalid(field, "must be an absolute " + String.join(" or ", schemes.stream().sorted().toList())
                        + " URL with a host, without query, fragment or credentials");
            }
            return text;
        } catch (java.net.URISyntaxException e) {
            throw DomainException.invalid(field, "is not a URL");
        }
    }
}
