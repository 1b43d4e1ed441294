package org.roomgate.compliance;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.compliance.ComplianceDtos.RuleResult;
import org.roomgate.consent.Capability;
import org.roomgate.consent.Consent;
import org.roomgate.consent.ConsentConfig;
import org.roomgate.consent.ConsentRules;
import org.roomgate.consent.ConsentSnapshot;
import org.roomgate.consent.Purpose;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

/**
 * R1, R2 and R3 for everyone inside the tenant's open rooms now: each pupil's latest consent is
 * read and judged by {@link ConsentRules}, the one statement of the consent rules, exactly as a
 * join would judge it today; each participant's capabilities must lie within what the room
 * offers and what consent (pupil) or role (teacher) allows. Refused joins of the last seven
 * days are the evidence that the gate turns people away.
 */
@ApplicationScoped
class ConsentCheck implements RuleCheck {

    private static final Duration LOOKBACK = Duration.ofDays(7);

    /** What the tenant's open rooms hold now, with each pupil's consent as a join would read it. */
    private static final String INSIDE = """
            SELECT p.role, p.capabilities, r.purpose, r.features,
                   c.kind, c.valid_until, c.scopes, c.purposes, pv.seq AS policy_seq,
                   (SELECT coalesce(max(f.seq), 0) FROM policy_version f
                     WHERE f.tenant_id = p.tenant_id AND f.reconsent_required) AS reconsent_floor
            FROM conference.participation p
            JOIN conference.room r ON r.id = p.room_id
            LEFT JOIN LATERAL (SELECT kind, valid_until, scopes, purposes, policy_version FROM consent
                               WHERE tenant_id = p.tenant_id AND subject_id = p.subject_id
                               ORDER BY seq DESC LIMIT 1) c ON p.role = 'PUPIL'
            LEFT JOIN policy_version pv ON pv.tenant_id = p.tenant_id AND pv.version = c.policy_version
            WHERE p.tenant_id = ? AND p.left_at IS NULL AND r.state = 'OPEN'""";

    record ConsentEvidence(long pupilsInside, long insideWithoutValidConsent, long insideWithOutdatedConsent,
            long joinsRefusedConsentMissingLast7Days, long joinsRefusedConsentOutdatedLast7Days) {
    }

    record CapabilityEvidence(long participantsInside, long participantsBeyondRoomConsentOrRole) {
    }

    record PurposeEvidence(long pupilsInside, long insideOutsideConsentedPurpose, long joinsRefusedConsentPurposeLast7Days) {
    }

    /** One participant's standing: the consent problem that would refuse it now, if any, and whether its capabilities fit. */
    private record Standing(boolean pupil, ProblemType consentProblem, boolean capabilitiesFit) {
    }

    private final Measurements db;
    private final ConsentConfig consentConfig;

    ConsentCheck(Measurements db, ConsentConfig consentConfig) {
        this.db = db;
        this.consentConfig = consentConfig;
    }

    @Override
    public List<RuleResult> check(String tenantId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, consentConfig.zone());
        List<Standing> inside = db.list(INSIDE, row -> standing(row, today), tenantId);
        Map<String, Long> refused = db.list("""
                SELECT reason, count(*) FROM conference.join_denial
                WHERE tenant_id = ? AND denied_at >= ? AND reason LIKE 'consent-%' GROUP BY reason""",
                row -> Map.entry(row.getString(1), row.getLong(2)), tenantId, now.minus(LOOKBACK))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        long pupils = inside.stream().filter(Standing::pupil).count();
        long missing = count(inside, ProblemType.CONSENT_MISSING);
        long outdated = count(inside, ProblemType.CONSENT_OUTDATED);
        long purpose = count(inside, ProblemType.CONSENT_PURPOSE);
        long beyond = inside.stream().filter(s -> !s.capabilitiesFit()).count();
        return List.of(
                RuleResult.of("R1", missing == 0 && outdated == 0, new ConsentEvidence(pupils, missing, outdated,
                        refused.getOrDefault(ProblemType.CONSENT_MISSING.slug(), 0L),
                        refused.getOrDefault(ProblemType.CONSENT_OUTDATED.slug(), 0L))),
                RuleResult.of("R2", beyond == 0, new CapabilityEvidence(inside.size(), beyond)),
                RuleResult.of("R3", purpose == 0, new PurposeEvidence(pupils, purpose,
                        refused.getOrDefault(ProblemType.CONSENT_PURPOSE.slug(), 0L))));
    }

    private static long count(List<Standing> inside, ProblemType problem) {
        return inside.stream().filter(s -> s.consentProblem() == problem).count();
    }

    private static Standing standing(ResultSet row, LocalDate today) throws SQLException {
        boolean pupil = "PUPIL".equals(row.getString("role"));
        Set<String> capabilities = Set.of(strings(row.getArray("capabilities")));
        Set<String> features = Set.of(strings(row.getArray("features")));
        if (!pupil) {
            // A teacher may hold what the room offers, and moderation by role.
            boolean fits = capabilities.stream().allMatch(c -> features.contains(c) || Capability.MODERATE.name().equals(c));
            return new Standing(false, null, fits);
        }
        String kind = row.getString("kind");
        ConsentSnapshot snapshot = new ConsentSnapshot(kind == null ? null : Consent.Kind.valueOf(kind),
                row.getObject("valid_until", LocalDate.class), strings(row.getArray("scopes")),
                strings(row.getArray("purposes")), (Integer) row.getObject("policy_seq"), row.getInt("reconsent_floor"));
        try {
            Set<Capability> allowed = ConsentRules.allowedScopes(snapshot, Purpose.valueOf(row.getString("purpose")), today);
            Set<String> allowedNames = allowed.stream().map(Enum::name).collect(Collectors.toSet());
            boolean fits = capabilities.stream().allMatch(c -> features.contains(c) && allowedNames.contains(c));
            return new Standing(true, null, fits);
        } catch (DomainException refused) {
            // Without a consent that counts, any capability is beyond what consent allows.
            return new Standing(true, refused.type(), capabilities.isEmpty());
        }
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
