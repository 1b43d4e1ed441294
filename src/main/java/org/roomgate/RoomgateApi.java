package org.roomgate;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.roomgate.problem.Problem;

@OpenAPIDefinition(components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)),
        info = @Info(title = "roomgate", version = "1",
        description = """
                Data-protection gateway between a school platform and its video-conference backend.
                It enforces the school's usage policy of 19.11.2020 (rules R1–R11, written out in the \
                repository's `docs/policy.md`): consent before access, capabilities per consent, no recording, \
                content wiped on close, metadata kept at most 7 days. `GET /api/v1/compliance` shows what the \
                running service measures about each rule.

                **Authentication**: `Authorization: Bearer <credential>`, one of four kinds: `opsKey`, \
                `platformKey`, `dashboardKey` (a tenant's API keys) or `joinToken` (a participant's). Each \
                operation lists the kinds it accepts; each scheme says how you get its credential. Use *Authorize* above.

                **Errors** are `application/problem+json` (RFC 9457) with a `type` of the form \
                `urn:roomgate:problem:<name>`, and `rule` where a policy rule is enforced.

                **Contract v1.1** is implemented: paging (`limit`, `after`, `Link: rel="next"`) \
                on every list, the open-room quota (409 `quota-exceeded`), duration bounds, conference backends \
                (`PUT/GET /api/v1/tenants/{id}/backend`, the join response's `backend`, `/enter`, `/backend-events`, \
                `/.well-known/asap/…`, `backendEndedAt`), `GET /api/v1/compliance` and the domain metrics.

                **Extensions beyond the contract** (marked "(extension)" in their summaries): \
                `GET /api/v1/tenants/{id}`, `GET /api/v1/tenants/{id}/api-keys`; \
                ops keys reading any tenant-scoped GET with `?tenant=<id>` (metadata only: subject exports show \
                content as counts, never the content itself); \
                `GET /api/v1/rooms/{roomId}` fields `idleTimeout`, `maxDuration`, `recording`, `closeReason`; \
                consent records' `kind` and `withdrawnAt`; the leave reasons `CONSENT_OUTDATED` and `CONSENT_EXPIRED`; \
                `PATCH` of `maxParticipants` below the participants inside → 409 `conflict` (R10); \
                `/api/v1/stats` field `backendCallsPending`; \
                `GET /api/v1/backend-events/{tenantId}/jitsi-access` (Prosody's per-connection check); \
                `POST /api/v1/tenants/{id}/backend/check` (the connection check, 502 with the problem types \
                `backend-*` and the extension member `checks`) and `POST /api/v1/livekit-webhooks` (one LiveKit \
                webhook URL for every tenant on a server); \
                the request header `Idempotency-Key` on platform and participant POSTs (a retry gets the first \
                answer; 409 `idempotency-key-in-use` while the first is in flight, 422 `idempotency-key-reused` for \
                another request with the same key) and the response header `Idempotent-Replayed`; \
                503 `unavailable` with `Retry-After` from an instance that is shutting down (nothing done) and for \
                a join or `/enter` while the tenant's conference server fails or holds its share of threads; \
                400 for a Jitsi HS256 `appSecret` below 256 random bits; 413 for a backend delivery of over 100 events; \
                the problem types `consent-scope` (403: a shared BigBlueButton meeting would give the pupil rights \
                beyond the consent), `method-not-allowed` (405), `not-acceptable` (406), `internal` (500); \
                503 `unavailable` with `Retry-After` on every operation while the database is unreachable; \
                `Cache-Control: no-store` on every `/api` response; an `X-Request-Id` response header that names \
                the request in the logs; the metrics outcome `consent_scope` and the gauges `roomgate_ready` and \
                `roomgate_database_up`; the settings `roomgate.token.leeway` and `roomgate.rooms.max-duration-ceiling`.
                """))
public class RoomgateApi extends Application {
}
