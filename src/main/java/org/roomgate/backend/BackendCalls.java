package org.roomgate.backend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.roomgate.room.Participation;

/**
 * The reliable-calls table: a call is recorded in the transaction that makes it necessary (so a
 * close and its "end the meeting" commit together or not at all), performed after commit, and
 * kept with a growing wait between attempts until the backend confirms it. Claims are leases
 * taken with SKIP LOCKED, so instances sharing a database never perform one call twice at once.
 */
@ApplicationScoped
public class BackendCalls {

    /** Fired when a call was recorded; observed after commit to perform it at once. */
    public record Recorded(long id) {
    }

    private final EntityManager entityManager;
    private final Backends backends;
    private final BackendConfig config;
    private final Clock clock;
    private final Event<Recorded> recorded;

    BackendCalls(EntityManager entityManager, Backends backends, BackendConfig config, Clock clock, Event<Recorded> recorded) {
        this.entityManager = entityManager;
        this.backends = backends;
        this.config = config;
        this.clock = clock;
        this.recorded = recorded;
    }

    /** Records the call in the current transaction, unless the backend has no use for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(BackendKind kind, String tenantId, BackendCall.Type type, UUID roomId, UUID participationId,
            Participation.LeaveReason reason) {
        if (!backends.of(kind).wants(type, reason)) {
            return;
        }
        BackendCall call = new BackendCall();
        call.tenantId = tenantId;
        call.backend = kind;
        call.type = type;
        call.roomId = roomId;
        call.participationId = participationId;
        call.leaveReason = reason;
        call.createdAt = clock.instant();
        call.nextAttemptAt = call.createdAt;
        call.persist();
        entityManager.flush();
        recorded.fire(new Recorded(call.id));
    }

    /** Tenants with calls due now, the oldest due first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> dueTenants(int limit) {
        @SuppressWarnings("unchecked")
        List<String> tenants = entityManager.createNativeQuery("""
                SELECT tenant_id FROM backend_call WHERE next_attempt_at <= :now
                GROUP BY tenant_id ORDER BY min(next_attempt_at) LIMIT :limit""")
                .setParameter("now", clock.instant())
                .setParameter("limit", limit)
                .getResultList();
        return tenants;
    }

    /**
     * Claims the tenant's oldest due call for one attempt: it is not due again until the lease
     * ends, and a call another instance holds is skipped, never waited for.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<BackendCall> claimNext(String tenantId) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("""
                UPDATE backend_call SET next_attempt_at = :lease, attempts = attempts + 1
                WHERE id IN (SELECT id FROM backend_call WHERE tenant_id = :tenant AND next_attempt_at <= :now
                             ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id""")
                .setParameter("lease", now.plus(config.callTimeout().multipliedBy(4)))
                .setParameter("tenant", tenantId)
                .setParameter("now", now)
                .getResultList();
        Optional<BackendCall> claimed = ids.stream().findFirst().map(id -> BackendCall.<BackendCall>findById(id.longValue()));
        claimed.ifPresent(entityManager::detach);
        return claimed;
    }

    /** The backend confirmed: the call leaves the table. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void confirmed(BackendCall call) {
        BackendCall.deleteById(call.id);
    }

    /**
     * Not confirmed: the next attempt waits twice as long as the last, up to the maximum. Returns
     * false when the call has waited longer than the give-up limit and was dropped instead.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean retryLater(BackendCall call, String outcome) {
        Instant now = clock.instant();
        if (!call.createdAt.plus(config.giveUpAfter()).isAfter(now)) {
            BackendCall.deleteById(call.id);
            return false;
        }
        entityManager.createNativeQuery("UPDATE backend_call SET next_attempt_at = ?1, last_outcome = ?2 WHERE id = ?3")
                .setParameter(1, now.plus(backoff(call.attempts)))
                .setParameter(2, outcome.length() > 200 ? outcome.substring(0, 200) : outcome)
                .setParameter(3, call.id)
                .executeUpdate();
        return true;
    }

    /** Calls waiting per backend kind, for the gauge. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Object[]> pendingByKind() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT backend, count(*) FROM backend_call GROUP BY backend")
                .getResultList();
        return rows;
    }

    Duration backoff(int attempts) {
        Duration wait = config.retryInitial();
        for (int i = 1; i < attempts && wait.compareTo(config.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }
}
