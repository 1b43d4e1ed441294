package org.roomgate.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.roomgate.database.PooledStatements;

/**
 * The stored answers, by caller and key. A key is claimed with a transaction-scoped advisory lock
 * that is tried, never waited for: the request that holds it is still running (409), and because
 * its answer is inserted in the transaction of its work, a crash or rollback leaves no claim
 * behind. The primary key stops a second answer even if two keys' locks hash alike.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IdempotencyRecords {

    /**
     * The two-integer advisory lock space, apart from the one-bigint locks of
     * {@code locking/AdmissionLocks}, so a key never makes an admission wait or the reverse.
     */
    static final int LOCK_SPACE = 0x1de3;

    static final String CLAIM = "SELECT pg_try_advisory_xact_lock(?, ?)";

    private final PooledStatements statements;

    IdempotencyRecords(PooledStatements statements) {
        this.statements = statements;
    }

    /** Whether this transaction now holds the key; false while another request runs with it. */
    boolean tryClaim(Scope scope, IdempotencyKey key) {
        return statements.prepared(CLAIM, query -> {
            query.setInt(1, LOCK_SPACE);
            query.setInt(2, lockOf(scope, key));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        });
    }

    /** The answer stored for the key since {@code notBefore}; an older one is deleted, the key is free again. */
    Optional<StoredAnswer> find(Scope scope, IdempotencyKey key, Instant notBefore) {
        Optional<StoredAnswer> found = statements.prepared("""
                SELECT fingerprint, room_id, status, location, body, sealed, created_at FROM conference.idempotency_key
                WHERE tenant_id = ? AND caller_id = ? AND key_hash = ?""", query -> {
            query.setString(1, scope.tenantId());
            query.setString(2, scope.callerId());
            query.setBytes(3, key.hash());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new StoredAnswer(row.getBytes(1), row.getObject(2, UUID.class), row.getInt(3),
                        row.getString(4), row.getBytes(5), row.getBoolean(6), row.getObject(7, OffsetDateTime.class).toInstant()))
                        : Optional.empty();
            }
        });
        if (found.isPresent() && found.get().createdAt().isBefore(notBefore)) {
            delete(scope, key);
            return Optional.empty();
        }
        return found;
    }

    void insert(Scope scope, IdempotencyKey key, StoredAnswer answer) {
        statements.prepared("""
                INSERT INTO conference.idempotency_key
                    (tenant_id, caller_id, key_hash, fingerprint, room_id, status, location, body, sealed, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", insert -> {
            insert.setString(1, scope.tenantId());
            insert.setString(2, scope.callerId());
            insert.setBytes(3, key.hash());
            insert.setBytes(4, answer.fingerprint());
            insert.setObject(5, answer.roomId(), Types.OTHER);
            insert.setInt(6, answer.status());
            insert.setString(7, answer.location());
            insert.setBytes(8, answer.body());
            insert.setBoolean(9, answer.sealed());
            insert.setObject(10, answer.createdAt().atOffset(ZoneOffset.UTC));
            return insert.executeUpdate();
        });
    }

    /** Forgets every answer about the room: at its close (R6), before its content is wiped. */
    public int forgetRoom(UUID roomId) {
        return statements.prepared("DELETE FROM conference.idempotency_key WHERE room_id = ?", delete -> {
            delete.setObject(1, roomId);
            return delete.executeUpdate();
        });
    }

    /** The key's advisory lock within {@link #LOCK_SPACE}: 32 bits of a hash; two keys alike only share their 409s. */
    static int lockOf(Scope scope, IdempotencyKey key) {
        MessageDigest lock = Fingerprint.sha256();
        lock.update((scope.tenantId() + '\n' + scope.callerId() + '\n').getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(lock.digest(key.hash())).getInt();
    }

    /** Deletes the answers recorded before {@code before}; returns how many. */
    @Transactional
    public int purgeBefore(Instant before) {
        return statements.prepared("DELETE FROM conference.idempotency_key WHERE created_at < ?", delete -> {
            delete.setObject(1, before.atOffset(ZoneOffset.UTC));
            return delete.executeUpdate();
        });
    }

    private void delete(Scope scope, IdempotencyKey key) {
        statements.prepared("DELETE FROM conference.idempotency_key WHERE tenant_id = ? AND caller_id = ? AND key_hash = ?",
                delete -> {
                    delete.setString(1, scope.tenantId());
                    delete.setString(2, scope.callerId());
                    delete.setBytes(3, key.hash());
                    return delete.executeUpdate();
                });
    }

    /** Whose keys these are: a tenant's API key or one participation, never shared between callers. */
    record Scope(String tenantId, String callerId) {
    }
}
