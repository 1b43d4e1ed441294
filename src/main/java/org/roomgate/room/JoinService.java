package org.roomgate.room;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.room.RoomDtos.JoinRequest;
import org.roomgate.room.RoomDtos.JoinResponse;
import org.roomgate.token.IssuedToken;
import org.roomgate.token.JoinClaims;
import org.roomgate.token.JoinTokenIssuer;

import io.quarkus.security.AuthenticationFailedException;

/**
 * The platform's join call: admission in a short transaction, then the token is signed outside
 * it, so the room's row lock is never held while signing. A join with an Idempotency-Key is the
 * exception: its answer must commit with its admission, so both run in the key's transaction
 * ({@code idempotency/IdempotencyInterceptor}).
 */
@ApplicationScoped
public class JoinService {

    /** Refusals that the dashboard counts by reason. */
    static final Set<ProblemType> COUNTED_DENIALS = EnumSet.of(ProblemType.CONSENT_MISSING,
            ProblemType.CONSENT_OUTDATED, ProblemType.CONSENT_PURPOSE, ProblemType.CONSENT_SCOPE, ProblemType.ROOM_FULL,
            ProblemType.ROOM_CLOSED);

    private final AdmissionService admissions;
    private final JoinDenials denials;
    private final JoinTokenIssuer tokens;
    private final ParticipantAccess participants;
    private final ConferenceGate backends;
    private final JoinOutcomes outcomes;

    JoinService(AdmissionService admissions, JoinDenials denials, JoinTokenIssuer tokens, ParticipantAccess participants,
            ConferenceGate backends, JoinOutcomes outcomes) {
        this.backends = backends;
        this.admissions = admissions;
        this.denials = denials;
        this.tokens = tokens;
        this.participants = participants;
        this.outcomes = outcomes;
    }

    public JoinResponse join(String tenantId, UUID roomId, JoinRequest request) {
        AdmissionService.Admitted admitted;
        try {
            admitted = admissions.admit(tenantId, roomId, request);
        } catch (DomainException e) {
            if (COUNTED_DENIALS.contains(e.type())) {
                denials.record(tenantId, roomId, e.type());
                outcomes.refused(e.type());
            }
            throw e;
        }
        outcomes.admitted();
        return tokenFor(admitted.admission(), admitted.backend());
    }

    /**
     * A participant's fresh token. A pupil's consent is checked again, as at the join (R1): a
     * consent that expired or was outdated by a new policy version issues no more tokens.
     */
    public JoinResponse refresh(UUID roomId) {
        Participant me = participants.require(roomId);
        ConferenceGate.TenantGate backend = backends.forTenant(me.tenantId());
        return tokenFor(admissions.renew(me, backend), backend);
    }

    /**
     * The answer to a retried join (Idempotency-Key): the participation the first join admitted,
     * with a fresh token and, for a pupil, the consent checked again as at a refresh (R1), so a
     * retry never hands out a token that a withdrawal in between has revoked. An ended
     * participation is not reopened by a late retry: that would admit someone who has left.
     */
    public JoinResponse rejoin(String tenantId, UUID participationId) {
        Participant first = Participation.<Participation>findByIdOptional(participationId)
                .filter(p -> p.tenantId.equals(tenantId) && p.isOpen())
                .map(p -> new Participant(p.id, p.tenantId, p.roomId, p.subjectId, p.displayName, p.role,
                        List.of(p.capabilities)))
                .orElseThrow(JoinService::ended);
        ConferenceGate.TenantGate backend = backends.forTenant(tenantId);
        try {
            return tokenFor(admissions.renew(first, backend), backend);
        } catch (AuthenticationFailedException e) {
            throw ended();
        }
    }

    private static DomainException ended() {
        return new DomainException(ProblemType.CONFLICT,
                "The participation this Idempotency-Key admitted has ended; a new join needs a new key.");
    }

    /** A fresh token with the participation's capabilities as they are now, and the backend's credential. */
    private JoinResponse tokenFor(Admission admission, ConferenceGate.TenantGate backend) {
        IssuedToken token = tokens.issue(new JoinClaims(admission.participationId().toString(), admission.tenantId(),
                admission.roomId().toString(), admission.displayName(), admission.role().name(), admission.capabilities()));
        return new JoinResponse(admission.participationId(), token.token(), token.expiresAt(), admission.capabilities(),
                backend.access(admission, token.token()));
    }
}
