package org.roomgate.shutdown;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Once the drain is over, a request is either refused before any code of roomgate runs (503,
 * nothing done) or carried out and answered; never carried out with its answer lost.
 *
 * <p>Quarkus' own graceful shutdown (3.33) does not refuse: after the drain it hands new requests
 * to the application and waits only until none is in flight. A request that came in after that
 * wait had ended, while the HTTP server was closing, was carried out (a chat stored) and its
 * answer lost with the connection. This gate refuses every request from the end of the drain on.
 *
 * <p>Why that closes the gap without a race: Quarkus fires {@link ShutdownDelayInitiatedEvent}
 * synchronously, then sleeps for {@code quarkus.shutdown.delay}, and only then starts waiting for
 * the requests in flight. The refusal time is taken from the monotonic clock when the event
 * arrives, with that same delay, so it is never later than the start of Quarkus' wait. A request
 * that this gate lets in therefore came in before the wait began, and Quarkus, which counts every
 * request before it reaches this filter, waits for it (up to {@code quarkus.shutdown.timeout}).
 * No thread of ours has to wake up in time.
 */
@Singleton
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);
    /** Ahead of every other HTTP filter: a refused request costs nothing and reaches no endpoint. */
    private static final int FIRST = Integer.MAX_VALUE;
    private static final String REFUSAL = "{\"type\":\"urn:roomgate:problem:unavailable\","
            + "\"title\":\"Service temporarily unavailable\",\"status\":503,"
            + "\"detail\":\"This instance is shutting down; nothing was done. Retry the request.\"}";

    private final Duration drain;
    private volatile long refuseFromNanos;
    private volatile boolean draining;

    ShutdownGate(@ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay) {
        this.drain = delay.orElse(Duration.ZERO);
    }

    void register(@Observes Filters filters) {
        filters.register(this::admit, FIRST);
    }

    /** SIGTERM: the drain begins (readiness DOWN); requests are still served until it ends. */
    void onDrainStarted(@Observes ShutdownDelayInitiatedEvent event) {
        refuseFromNanos = System.nanoTime() + drain.toNanos();
        draining = true;
        LOG.infof("Shutting down: requests are served for the %d ms drain, then refused with 503", drain.toMillis());
    }

    void admit(RoutingContext context) {
        if (draining && System.nanoTime() - refuseFromNanos >= 0) {
            context.response()
                    .setStatusCode(503)
                    .putHeader("Content-Type", "application/problem+json")
                    .putHeader("Retry-After", "1")
                    .putHeader("Connection", "close")
                    .end(REFUSAL);
            return;
        }
        context.next();
    }
}
