package org.roomgate.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The row that tells whether the UNLOGGED conference schema was emptied since it was written
 * (crash recovery, a promoted standby): the migration writes it, and PostgreSQL drops it together
 * with every room. Writing it back is the test: one statement, so of several instances that find
 * it missing at the same moment exactly one is told.
 */
@ApplicationScoped
public class ConferenceSchemaMark {

    private final EntityManager entityManager;

    ConferenceSchemaMark(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Writes the mark back if it is missing; true when it was missing, i.e. the schema had been emptied. */
    @Transactional
    public boolean restoreIfEmptied() {
        return entityManager.createNativeQuery("""
                INSERT INTO conference.schema_mark (id, written_at) VALUES (1, now())
                ON CONFLICT (id) DO NOTHING""").executeUpdate() == 1;
    }
}
