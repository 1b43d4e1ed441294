package org.roomgate.locking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * The one rule for who waits for whom when a pupil's admission is decided or changed (R1, R2, R10).
 *
 * <p>Join, re-join, token refresh, consent grant and withdrawal, policy publication, subject
 * erasure, the consent-expiry sweep, leave, close, auto-close and room changes take their locks in
 * this order, and each reads what it decides on only after it holds them:
 * <ol>
 * <li>the tenant's <em>policy lock</em>: shared by everything that decides on one subject's
 * consent, exclusive while a policy version is published (a version that requires re-consent
 * changes what every consent of the tenant is worth);</li>
 * <li>the <em>subject lock</em> of (tenant, subject), exclusive, for everything about one subject
 * (join, refresh, consent changes, erasure, expiry);</li>
 * <li>room rows ({@code SELECT … FOR NO KEY UPDATE}), several in ascending id order. Leave, close,
 * auto-close and room changes take only this step: they change a room, not a consent.</li>
 * </ol>
 * Nothing takes a lock of an earlier step while it holds a later one, so the waits cannot form a
 * cycle. Reads run in statements after the locks, so READ COMMITTED shows them everything the
 * transaction they waited for committed; never read, then lock, then act on what was read.
 *
 * <p>Why this keeps the policy: a join holds its subject lock from before it reads the consent
 * until it commits, so a withdrawal or a narrower consent either commits first (and the join reads
 * it) or runs after (and finds the new participation to end or narrow); a policy publication
 * likewise waits for, or is waited for by, every join of the tenant. Every change of a room's
 * occupancy holds the room's row and re-reads the participation it ends, so a place is freed
 * exactly once and the limit holds (R10).
 *
 * <p>Subject and policy locks are PostgreSQL advisory locks scoped to the transaction: they hold
 * across any number of service instances on one database and are released by commit or rollback.
 * Two keys that hash alike only make their holders wait for each other; they cannot deadlock,
 * since no transaction takes two subject locks. Outside a transaction they would end at once,
 * hence {@code MANDATORY}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AdmissionLocks {

    private static final String SUBJECT = "SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0)),"
            + " pg_advisory_xact_lock(hashtextextended(?, 0))";
    private static final String POLICY = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))";

    private final EntityManager entityManager;

    AdmissionLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Steps 1 and 2 for one subject: the tenant's policy lock shared, the subject's lock exclusive. */
    public void subject(String tenantId, String subjectId) {
        run(SUBJECT, policyKey(tenantId), subjectKey(tenantId, subjectId));
    }

    /**
     * Steps 1 and 2 for one subject, followed in the same round trip by {@code then}, whose
     * parameters the caller binds from index 3 on. PostgreSQL runs the statements of one batch in
     * order and gives each its snapshot when it starts, so {@code then} waits for the locks and reads
     * after them exactly as if it were sent on its own; the join saves the round trips.
     */
    public PreparedStatement prepareSubjectThen(Connection connection, String tenantId, String subjectId, String then)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(SUBJECT + ";\n" + then);
        statement.setString(1, policyKey(tenantId));
        statement.setString(2, subjectKey(tenantId, subjectId));
        return statement;
    }

    /** Step 1 exclusive: no decision on any consent of the tenant runs while its policy changes. */
    public void policy(String tenantId) {
        run(POLICY, policyKey(tenantId));
    }

    private static String policyKey(String tenantId) {
        return "roomgate.policy/" + tenantId;
    }

    private static String subjectKey(String tenantId, String subjectId) {
        return "roomgate.subject/" + tenantId + "/" + subjectId;
    }

    private void run(String sql, String... keys) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < keys.length; i++) {
                    statement.setString(i + 1, keys[i]);
                }
                statement.execute();
            }
        });
    }
}
