package org.roomgate.consent;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

/** The one statement of when a pupil's consent lets it into a room (R1–R3 of docs/policy.md), whatever read the data. */
public final class ConsentRules {

    private ConsentRules() {
    }

    /**
     * What the consent allows in a room of this purpose, or the reason it allows nothing:
     * {@code consent-missing}, {@code consent-outdated} or {@code consent-purpose}.
     */
    public static Set<Capability> allowedScopes(ConsentSnapshot consent, Purpose purpose, LocalDate today) {
        Optional<ConsentStatus> lapse = lapse(consent, today);
        if (lapse.isPresent()) {
            throw switch (lapse.get()) {
                case EXPIRED -> new DomainException(ProblemType.CONSENT_MISSING,
                        "The pupil's consent expired on " + consent.validUntil() + ".", "R1");
                case OUTDATED -> new DomainException(ProblemType.CONSENT_OUTDATED,
                        "The consent was given for a superseded policy version; re-consent is required.", "R1");
                default -> new DomainException(ProblemType.CONSENT_MISSING, "The pupil has no active consent.", "R1");
            };
        }
        if (Arrays.stream(consent.purposes()).noneMatch(p -> p.equals(purpose.name()))) {
            throw new DomainException(ProblemType.CONSENT_PURPOSE,
                    "The consent does not cover conferences of purpose " + purpose + ".", "R3");
        }
        EnumSet<Capability> scopes = EnumSet.noneOf(Capability.class);
        for (String scope : consent.scopes()) {
            scopes.add(Capability.valueOf(scope));
        }
        return scopes;
    }

    /**
     * Why the consent allows nothing in any room: {@code WITHDRAWN} (also when there is none),
     * {@code EXPIRED} or {@code OUTDATED}; empty while it counts.
     */
    public static Optional<ConsentStatus> lapse(ConsentSnapshot consent, LocalDate today) {
        if (consent.latestKind() != Consent.Kind.GRANT) {
            return Optional.of(ConsentStatus.WITHDRAWN);
        }
        if (isExpired(consent.validUntil(), today)) {
            return Optional.of(ConsentStatus.EXPIRED);
        }
        if (!counts(consent.policySeq(), consent.reconsentFloor())) {
            return Optional.of(ConsentStatus.OUTDATED);
        }
        return Optional.empty();
    }

    /** A consent counts if its policy version was published at or after the last one requiring re-consent. */
    static boolean counts(Integer policySeq, int reconsentFloor) {
        return policySeq != null && policySeq >= reconsentFloor;
    }

    static boolean isExpired(LocalDate validUntil, LocalDate today) {
        return validUntil != null && validUntil.isBefore(today);
    }
}
