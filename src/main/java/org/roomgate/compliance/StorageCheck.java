package org.roomgate.compliance;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.compliance.ComplianceDtos.RuleResult;

/**
 * R9, no backups: every table of the schema {@code conference} must be UNLOGGED in PostgreSQL's
 * catalog, so that none of it reaches the WAL, WAL archives, replicas or physical backups.
 * {@code archive_mode} is reported beside it: with every table unlogged it archives none of
 * this data, but an operator reading the evidence should see it.
 */
@ApplicationScoped
class StorageCheck implements RuleCheck {

    record TableLogging(String table, boolean unlogged) {
    }

    record StorageEvidence(List<TableLogging> tables, String archiveMode) {
    }

    private final Measurements db;

    StorageCheck(Measurements db) {
        this.db = db;
    }

    @Override
    public List<RuleResult> check(String tenantId, Instant now) {
        List<TableLogging> tables = db.list("""
                SELECT n.nspname || '.' || c.relname, c.relpersistence = 'u'
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'conference' AND c.relkind IN ('r', 'p')
                ORDER BY c.relname""", row -> new TableLogging(row.getString(1), row.getBoolean(2)));
        if (tables.isEmpty()) {
            return List.of(RuleResult.unknown("R9", "no table of schema conference is visible in the catalog"));
        }
        String archiveMode = db.one("SELECT current_setting('archive_mode')", row -> row.getString(1));
        boolean allUnlogged = tables.stream().allMatch(TableLogging::unlogged);
        return List.of(RuleResult.of("R9", allUnlogged, new StorageEvidence(tables, archiveMode)));
    }
}
