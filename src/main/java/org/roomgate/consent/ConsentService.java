package org.roomgate.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.roomgate.consent.ConsentDtos.ConsentRequest;
import org.roomgate.consent.ConsentDtos.ConsentView;
import org.roomgate.consent.ConsentDtos.GrantedBy;
import org.roomgate.consent.ConsentEvents.ConsentGranted;
import org.roomgate.consent.ConsentEvents.ConsentWithdrawn;
import org.roomgate.locking.AdmissionLocks;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

/**
 * The consent registry (R1–R3): append-only history per subject, withdrawal with effect at once,
 * and the decision whether a subject's consent lets it join a room of a given purpose.
 */
@ApplicationScoped
@Transactional
public class ConsentService {

    private static final Logger LOG = Logger.getLogger(ConsentService.class);

    private final Clock clock;
    private final ConsentConfig config;
    private final Event<ConsentWithdrawn> withdrawn;
    private final Event<ConsentGranted> granted;
    private final AdmissionLocks locks;

    ConsentService(Clock clock, ConsentConfig config, Event<ConsentWithdrawn> withdrawn, Event<ConsentGranted> granted,
            AdmissionLocks locks) {
        this.clock = clock;
        this.config = config;
        this.withdrawn = withdrawn;
        this.granted = granted;
        this.locks = locks;
    }

    /** Records a new consent version; it replaces the previous one at once. */
    public ConsentView grant(String tenantId, String subjectId, ConsentRequest request) {
        locks.subject(tenantId, subjectId);
        PolicyVersion policy = requireCountingPolicy(tenantId, request.policyVersion());
        if (request.scopes().contains(Capability.MODERATE)) {
            throw DomainException.invalid("scopes", "MODERATE comes with the teacher role; a consent cannot grant it");
        }
        if (request.validUntil() != null && request.validUntil().isBefore(today())) {
            throw DomainException.invalid("validUntil", "must not be in the past");
        }
        EnumSet<Capability> scopes = EnumSet.copyOf(request.scopes());
        EnumSet<Purpose> purposes = EnumSet.copyOf(request.purposes());

        Consent consent = newRecord(tenantId, subjectId, Consent.Kind.GRANT);
        consent.policyVersion = policy.version();
        consent.grantedByName = request.grantedBy().name().strip();
        consent.grantedByRelation = request.grantedBy().relation();
        consent.scopes = scopes.stream().map(Enum::name).toArray(String[]::new);
        consent.purposes = purposes.stream().map(Enum::name).toArray(String[]::new);
        consent.validUntil = request.validUntil();
        consent.persist();
        LOG.infof("Consent %s recorded for a subject of tenant %s (%d scopes)", consent.id, tenantId, scopes.size());
        granted.fire(new ConsentGranted(tenantId, subjectId, scopes, purposes));
        return view(consent, ConsentStatus.ACTIVE);
    }

    /** The subject's current consent: the latest grant, unless withdrawn or expired. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ConsentView current(String tenantId, String subjectId) {
        return Consent.latest(tenantId, subjectId)
                .filter(c -> !c.isWithdrawal() && !isExpired(c))
                .map(c -> view(c, countsNow(tenantId, c) ? ConsentStatus.ACTIVE : ConsentStatus.OUTDATED))
                .orElseThrow(() -> DomainException.notFound("Current consent"));
    }

    /** Every grant and withdrawal of the subject, oldest first: the school's proof of consent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConsentView> history(String tenantId, String subjectId) {
        List<Consent> records = Consent.history(tenantId, subjectId);
        List<ConsentView> views = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Consent record = records.get(i);
            Consent next = i + 1 < records.size() ? records.get(i + 1) : null;
            views.add(view(record, statusOf(tenantId, record, next)));
        }
        return views;
    }

    /**
     * Withdraws the subject's consent with one call, as easily as it was given. The withdrawal is
     * recorded, and listeners end the subject's open participations in this same transaction.
     */
    public void withdraw(String tenantId, String subjectId) {
        locks.subject(tenantId, subjectId);
        Consent latest = Consent.latest(tenantId, subjectId)
                .orElseThrow(() -> DomainException.notFound("Consent"));
        if (!latest.isWithdrawal()) {
            newRecord(tenantId, subjectId, Consent.Kind.WITHDRAWAL).persist();
            LOG.infof("Consent withdrawn for a subject of tenant %s", tenantId);
        }
        withdrawn.fire(new ConsentWithdrawn(tenantId, subjectId));
    }

    /**
     * What the subject's consent allows in a room of this purpose, or the reason it allows
     * nothing: {@code consent-missing}, {@code consent-outdated} or {@code consent-purpose}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Capability> allowedScopes(String tenantId, String subjectId, Purpose purpose) {
        return allowedScopes(snapshot(tenantId, subjectId), purpose);
    }

    /** What the rules need to know about the subject's consent now; read it holding the subject's lock. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ConsentSnapshot snapshot(String tenantId, String subjectId) {
        Consent latest = Consent.latest(tenantId, subjectId).orElse(null);
        return latest == null
                ? new ConsentSnapshot(null, null, null, null, null, 0)
                : new ConsentSnapshot(latest.kind, latest.validUntil, latest.scopes, latest.purposes,
                        latest.isWithdrawal() ? null : PolicyVersion.findVersion(tenantId, latest.policyVersion)
                                .map(p -> p.seq).orElse(null),
                        PolicyVersion.reconsentFloor(tenantId));
    }

    /** Why the consent allows nothing any more (withdrawn, expired, outdated), or empty while it counts. */
    public Optional<ConsentStatus> lapse(ConsentSnapshot snapshot) {
        return ConsentRules.lapse(snapshot, today());
    }

    /**
     * Those of the given subjects whose latest consent has expired by today: the candidates of the
     * expiry sweep, which decides on each again under its lock.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> expiredAmong(String tenantId, Collection<String> subjectIds) {
        @SuppressWarnings("unchecked")
        List<String> expired = Consent.getEntityManager().createNativeQuery("""
                SELECT subject_id FROM (
                    SELECT DISTINCT ON (subject_id) subject_id, kind, valid_until FROM consent
                    WHERE tenant_id = :tenant AND subject_id = ANY(CAST(:subjects AS text[]))
                    ORDER BY subject_id, seq DESC) latest
                WHERE kind = 'GRANT' AND valid_until < :today""", String.class)
                .setParameter("tenant", tenantId)
                .setParameter("subjects", subjectIds.toArray(String[]::new))
                .setParameter("today", today())
                .getResultList();
        return expired;
    }

    /** The rules applied to a snapshot read elsewhere (the join path reads it with the room). */
    public Set<Capability> allowedScopes(ConsentSnapshot snapshot, Purpose purpose) {
        return ConsentRules.allowedScopes(snapshot, purpose, today());
    }

    /**
     * Erases the subject's consent history and ends what it allowed: listeners see the subject
     * without any consent, as it now is.
     */
    public long erase(String tenantId, String subjectId) {
        locks.subject(tenantId, subjectId);
        long deleted = Consent.deleteOfSubject(tenantId, subjectId);
        withdrawn.fire(new ConsentWithdrawn(tenantId, subjectId));
        return deleted;
    }

    private PolicyVersion requireCountingPolicy(String tenantId, String version) {
        PolicyVersion current = PolicyVersion.current(tenantId).orElseThrow(() -> new DomainException(
                ProblemType.CONFLICT, "No policy is published yet; PUT /api/v1/policy first.", "R1"));
        PolicyVersion policy = PolicyVersion.findVersion(tenantId, version)
                .orElseThrow(() -> DomainException.invalid("policyVersion",
                        "unknown policy version; the current one is " + current.version()));
        if (policy.seq < PolicyVersion.reconsentFloor(tenantId)) {
            throw DomainException.invalid("policyVersion", "superseded by " + current.version()
                    + ", which requires re-consent");
        }
        return policy;
    }

    private boolean countsNow(String tenantId, Consent consent) {
        return ConsentRules.counts(PolicyVersion.findVersion(tenantId, consent.policyVersion).map(p -> p.seq).orElse(null),
                PolicyVersion.reconsentFloor(tenantId));
    }

    private ConsentStatus statusOf(String tenantId, Consent record, Consent next) {
        if (record.isWithdrawal()) {
            return ConsentStatus.WITHDRAWN;
        }
        if (next != null) {
            return next.isWithdrawal() ? ConsentStatus.WITHDRAWN : ConsentStatus.SUPERSEDED;
        }
        if (isExpired(record)) {
            return ConsentStatus.EXPIRED;
        }
        return countsNow(tenantId, record) ? ConsentStatus.ACTIVE : ConsentStatus.OUTDATED;
    }

    private boolean isExpired(Consent consent) {
        return ConsentRules.isExpired(consent.validUntil, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }

    private Consent newRecord(String tenantId, String subjectId, Consent.Kind kind) {
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.tenantId = tenantId;
        consent.subjectId = subjectId;
        consent.kind = kind;
        consent.recordedAt = clock.instant();
        return consent;
    }

    private static ConsentView view(Consent c, ConsentStatus status) {
        if (c.isWithdrawal()) {
            return new ConsentView(c.id, c.subjectId, c.kind, null, null, null, null, null, null, c.recordedAt, status);
        }
        return new ConsentView(c.id, c.subjectId, c.kind, c.policyVersion,
                new GrantedBy(c.grantedByName, c.grantedByRelation),
                Arrays.stream(c.scopes).map(Capability::valueOf).toList(),
                Arrays.stream(c.purposes).map(Purpose::valueOf).toList(),
                c.validUntil, c.recordedAt, null, status);
    }
}
