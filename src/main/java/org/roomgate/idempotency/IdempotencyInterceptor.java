package org.roomgate.idempotency;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.roomgate.idempotency.IdempotencyRecords.Scope;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.retention.RetentionConfig;
import org.roomgate.tenant.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives an {@link Idempotent} write a safe retry. With a key, the write runs in a transaction
 * that first claims the key, then does the work and stores the answer: both commit together or
 * not at all, so a retry finds either the whole answer or no trace, on any instance. Only
 * successes are stored; a refusal changed nothing (every domain failure rolls back), so its retry
 * simply runs again and sees the room, consent or quota as they are then. Without a key the
 * write runs as before.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    /** Common practice (the draft names no header): marks an answer that a retry got again. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern ROOM_LOCATION = Pattern.compile("/api/v1/rooms/([0-9a-f-]{36})$");

    private final IdempotencyRecords records;
    private final RoutingContext request;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Clock clock;
    private final IdempotencyConfig config;
    private final RetentionConfig retention;
    private final Instance<Replay> replays;
    private final AnswerSeal seal;

    IdempotencyInterceptor(IdempotencyRecords records, RoutingContext request, SecurityIdentity identity, ObjectMapper json,
            Clock clock, IdempotencyConfig config, RetentionConfig retention, Instance<Replay> replays, AnswerSeal seal) {
        this.records = records;
        this.request = request;
        this.identity = identity;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.retention = retention;
        this.replays = replays;
        this.seal = seal;
    }

    @AroundInvoke
    Object withKey(InvocationContext call) throws Exception {
        String header = request.request().getHeader(Idempotent.HEADER);
        if (header == null) {
            return call.proceed();
        }
        IdempotencyKey key = IdempotencyKey.parse(header);
        Scope scope = callerScope();
        Optional<Replay> replay = replayOf(call);
        Object[] arguments = replay.map(r -> r.fingerprinted(call.getParameters())).orElse(call.getParameters());
        byte[] fingerprint = Fingerprint.of(json, request.request().method().name(), request.normalizedPath(), arguments);
        Object outcome;
        QuarkusTransaction.begin();
        try {
            outcome = claimed(call, key, scope, fingerprint, replay);
            QuarkusTransaction.commit();
        } catch (Throwable failure) {
            if (QuarkusTransaction.isActive()) {
                QuarkusTransaction.rollback();
            }
            throw failure;
        }
        if (outcome instanceof Replayed replayed) {
            throw replayed;
        }
        return outcome;
    }

    private Object claimed(InvocationContext call, IdempotencyKey key, Scope scope, byte[] fingerprint,
            Optional<Replay> replay) throws Exception {
        if (!records.tryClaim(scope, key)) {
            throw new DomainException(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key is still being processed; retry once it has been answered.");
        }
        Instant now = clock.instant();
        Optional<StoredAnswer> first = records.find(scope, key, now.minus(IdempotencyConfig.effectiveWindow(config, retention)));
        if (first.isPresent()) {
            if (!first.get().sameRequest(fingerprint)) {
                throw new DomainException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for a different request; a new request needs a new key.");
            }
            return replayed(first.get(), replay);
        }
        Object result = call.proceed();
        Response response = result instanceof Response r ? r : null;
        int status = response != null ? response.getStatus() : statusOf(call, result);
        if (status / 100 == 2) {
            Object entity = response != null ? response.getEntity() : result;
            String location = response != null && response.getLocation() != null ? response.getLocation().toString() : null;
            UUID roomId = roomOf(call, location);
            byte[] body = bodyOf(entity, replay);
            Optional<byte[]> sealed = roomId == null || body == null ? Optional.empty() : seal.seal(roomId, body);
            records.insert(scope, key, new StoredAnswer(fingerprint, roomId, status, location, sealed.orElse(body),
                    sealed.isPresent(), now));
        }
        return result;
    }

    private Replayed replayed(StoredAnswer first, Optional<Replay> replay) {
        Response.ResponseBuilder answer = Response.status(first.status()).header(REPLAYED_HEADER, "true");
        if (first.location() != null) {
            answer.location(URI.create(first.location()));
        }
        byte[] body = first.sealed() ? opened(first) : first.body();
        if (replay.isPresent()) {
            answer.entity(replay.get().answer(new String(body, StandardCharsets.UTF_8)));
        } else if (body != null) {
            answer.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return new Replayed(answer.build());
    }

    /** A sealed body; its room's key is gone only once the room closed, and the close deletes its answers too. */
    private byte[] opened(StoredAnswer first) {
        return seal.open(first.roomId(), first.body())
                .orElseThrow(() -> new DomainException(ProblemType.ROOM_GONE, "The room is closed; its content is deleted.", "R6"));
    }

    private Scope callerScope() {
        String tenant = identity.getAttribute(Roles.TENANT_ATTRIBUTE);
        String kind = identity.hasRole(Roles.PARTICIPANT) ? "participation:" : "api-key:";
        return new Scope(tenant == null ? "" : tenant, kind + identity.getPrincipal().getName());
    }

    private Optional<Replay> replayOf(InvocationContext call) {
        Idempotent marker = call.getMethod().getAnnotation(Idempotent.class);
        return marker == null || marker.replay() == Replay.class ? Optional.empty()
                : Optional.of(replays.select(marker.replay()).get());
    }

    private static int statusOf(InvocationContext call, Object result) {
        ResponseStatus declared = call.getMethod().getAnnotation(ResponseStatus.class);
        if (declared != null) {
            return declared.value();
        }
        return result == null ? 204 : 200;
    }

    private byte[] bodyOf(Object entity, Optional<Replay> replay) throws JsonProcessingException {
        if (replay.isPresent()) {
            return replay.get().keep(entity).getBytes(StandardCharsets.UTF_8);
        }
        return entity == null ? null : json.writeValueAsBytes(entity);
    }

    /** The room the answer is about: the path's {@code roomId}, or the room a creation's Location names. */
    private static UUID roomOf(InvocationContext call, String location) {
        Annotation[][] annotations = call.getMethod().getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof PathParam path && path.value().equals("roomId")
                        && call.getParameters()[i] instanceof UUID roomId) {
                    return roomId;
                }
            }
        }
        Matcher created = location == null ? null : ROOM_LOCATION.matcher(location);
        return created != null && created.find() ? UUID.fromString(created.group(1)) : null;
    }
}
