package org.roomgate.consent;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.roomgate.consent.ConsentDtos.PolicyRequest;
import org.roomgate.consent.ConsentDtos.PolicyView;
import org.roomgate.consent.ConsentEvents.PolicyPublished;
import org.roomgate.locking.AdmissionLocks;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

/** Publishing the school's policy versions; the latest published one is current. */
@ApplicationScoped
@Transactional
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    private final Clock clock;
    private final AdmissionLocks locks;
    private final Event<PolicyPublished> published;

    PolicyService(Clock clock, AdmissionLocks locks, Event<PolicyPublished> published) {
        this.clock = clock;
        this.locks = locks;
        this.published = published;
    }

    /**
     * Publishes a new version, or updates title and URL of the current one. An older version
     * cannot come back, and whether a version requires re-consent is fixed once published:
     * changing it later would silently revive or void consents. A version requiring re-consent
     * ends the participations of pupils whose consent it outdates, in this transaction (R1).
     */
    public PolicyView publish(String tenantId, PolicyRequest request) {
        locks.policy(tenantId);
        boolean reconsent = request.reconsentRequired() == null || request.reconsentRequired();
        var current = PolicyVersion.current(tenantId);
        var existing = PolicyVersion.findVersion(tenantId, request.version());
        if (existing.isPresent()) {
            PolicyVersion policy = existing.get();
            if (policy.seq != current.orElseThrow().seq) {
                throw new DomainException(ProblemType.CONFLICT, "Version " + request.version()
                        + " was superseded by " + current.get().version() + " and cannot be republished.");
            }
            if (policy.reconsentRequired != reconsent) {
                throw new DomainException(ProblemType.CONFLICT,
                        "reconsentRequired of a published version cannot change; publish a new version instead.");
            }
            policy.title = request.title().strip();
            policy.url = request.url();
            return PolicyView.of(policy);
        }
        PolicyVersion policy = new PolicyVersion();
        policy.key = new PolicyVersion.Key(tenantId, request.version());
        policy.seq = current.map(c -> c.seq + 1).orElse(1);
        policy.title = request.title().strip();
        policy.url = request.url();
        policy.reconsentRequired = reconsent;
        policy.publishedAt = clock.instant();
        policy.persist();
        LOG.infof("Tenant %s published policy version #%d (re-consent %s)", tenantId, policy.seq, reconsent);
        published.fire(new PolicyPublished(tenantId, policy.seq, reconsent));
        return PolicyView.of(policy);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PolicyView current(String tenantId) {
        return PolicyVersion.current(tenantId).map(PolicyView::of)
                .orElseThrow(() -> DomainException.notFound("Policy"));
    }
}
