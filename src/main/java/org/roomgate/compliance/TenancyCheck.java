package org.roomgate.compliance;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.compliance.ComplianceDtos.RuleResult;

/**
 * R11, each school sees only its own data: every row that names the tenant belongs to a room of
 * that tenant, and no row in the tenant's rooms names another tenant. Authentication and roles
 * are enforced per request and proven by tests; the data is what can be measured here.
 */
@ApplicationScoped
class TenancyCheck implements RuleCheck {

    /** Conference tables that carry both a tenant and a room. */
    private static final List<String> TENANT_ROOM_TABLES = List.of("participation", "chat_message", "room_file",
            "whiteboard_stroke", "poll_vote", "wipe_receipt");

    record TenancyEvidence(List<String> tablesChecked, long rowsCrossingTenants) {
    }

    private final Measurements db;

    TenancyCheck(Measurements db) {
        this.db = db;
    }

    @Override
    public List<RuleResult> check(String tenantId, Instant now) {
        long crossing = 0;
        for (String table : TENANT_ROOM_TABLES) {
            crossing += db.count("SELECT count(*) FROM conference." + table + " x JOIN conference.room r ON r.id = x.room_id "
                    + "WHERE (x.tenant_id = ? OR r.tenant_id = ?) AND x.tenant_id <> r.tenant_id", tenantId, tenantId);
        }
        return List.of(RuleResult.of("R11", crossing == 0, new TenancyEvidence(
                TENANT_ROOM_TABLES.stream().map(t -> "conference." + t).toList(), crossing)));
    }
}
