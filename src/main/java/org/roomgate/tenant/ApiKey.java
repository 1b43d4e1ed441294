package org.roomgate.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.roomgate.paging.Keyset;

import io.quarkus.panache.common.Parameters;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A tenant's API key. Only the SHA-256 of the key is stored; the key itself is shown once. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    public String tenantId;

    @Enumerated(EnumType.STRING)
    public ApiKeyRole role;

    public String label;

    public byte[] keyHash;

    public Instant createdAt;

    public Instant revokedAt;

    public static Optional<ApiKey> findOfTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** A page of the tenant's keys, oldest first, after the key with the given id (null: from the start). */
    public static List<ApiKey> pageOfTenant(String tenantId, UUID after, int rows) {
        Parameters parameters = Parameters.with("tenant", tenantId);
        String query = Keyset.where("tenantId = :tenant", parameters, "ApiKey", "createdAt", false, after);
        return ApiKey.<ApiKey>find(query + " order by createdAt, id", parameters).page(0, rows).list();
    }
}
