package org.roomgate.backend;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Says that a tenant's backend fails one kind of call with one WARN line when the failures start
 * and one line when it answers again, with the count in between: a server that is down for an
 * hour of joins writes two lines, not one per request. Ids only (R4); each instance logs its own.
 */
@ApplicationScoped
public class BackendOutages {

    private static final Logger LOG = Logger.getLogger(BackendOutages.class);

    private record Key(String tenantId, BackendKind kind, String call) {
    }

    private final ConcurrentHashMap<Key, AtomicLong> failing = new ConcurrentHashMap<>();

    /** A call failed; the reason is safe to log (a {@link BackendUnavailable} message or a class name). */
    public void failed(String tenantId, BackendKind kind, String call, String reason) {
        AtomicLong earlier = failing.putIfAbsent(new Key(tenantId, kind, call), new AtomicLong(1));
        if (earlier == null) {
            LOG.warnf("Backend outage: %s of tenant %s fails %s calls (%s); logged again when it answers", kind,
                    tenantId, call, reason);
        } else {
            earlier.incrementAndGet();
        }
    }

    /** A call succeeded: ends the outage of this kind of call, if there was one. */
    public void answered(String tenantId, BackendKind kind, String call) {
        AtomicLong failures = failing.remove(new Key(tenantId, kind, call));
        if (failures != null) {
            LOG.infof("Backend outage over: %s of tenant %s answers %s calls again after %d failed", kind, tenantId,
                    call, failures.get());
        }
    }
}
