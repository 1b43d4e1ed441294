package org.roomgate.backend;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.Problem;

import io.quarkus.arc.All;

/**
 * {@code POST /api/v1/tenants/{id}/backend/check}: the tenant's stored backend, called now. No
 * transaction is open while the backend is asked. The log line names items and outcomes only.
 */
@ApplicationScoped
public class ConnectionCheckService {

    private static final Logger LOG = Logger.getLogger(ConnectionCheckService.class);
    /** A check makes at most this many calls; it ends by then, however slowly the server answers. */
    static final int MAX_CALLS = 4;

    private final BackendConfigService configs;
    private final Map<BackendKind, BackendCheck> checks = new EnumMap<>(BackendKind.class);
    private final Duration perCall;
    private final Duration within;

    ConnectionCheckService(BackendConfigService configs, @All List<BackendCheck> checks, BackendConfig config) {
        this.configs = configs;
        checks.forEach(c -> this.checks.put(c.kind(), c));
        this.perCall = config.callTimeout();
        this.within = config.callTimeout().multipliedBy(MAX_CALLS);
    }

    @Transactional(Transactional.TxType.NEVER)
    public ConnectionCheck.Report check(String tenantId, ConnectionCheck.Request request) {
        configs.get(tenantId);
        BackendSettings settings = configs.settingsOf(tenantId);
        BackendCheck check = checks.get(settings.kind());
        try {
            List<Problem.Check> items = check == null
                    ? new ConnectionCheck.Items().notApplicable("backend", settings.kind()
                            + ": roomgate's own conference endpoints; there is no server to call").list()
                    : check.check(settings, request == null ? ConnectionCheck.Request.none() : request, new Probe(perCall, within));
            LOG.infof("Connection check of tenant %s (%s): %s", tenantId, settings.kind(), summary(items));
            return new ConnectionCheck.Report(tenantId, settings.kind(), items);
        } catch (DomainException e) {
            LOG.infof("Connection check of tenant %s (%s) failed: %s; %s", tenantId, settings.kind(), e.type().slug(),
                    summary(e.toProblem().checks()));
            throw e;
        }
    }

    private static String summary(List<Problem.Check> items) {
        return items == null ? "" : items.stream().map(i -> i.item() + "=" + i.outcome()).collect(Collectors.joining(", "));
    }
}
