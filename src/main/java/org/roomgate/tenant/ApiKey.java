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

    public static List<ApiKey> listOfTenant(String tenantId) {
        return list("tenantId = ?1 order by createdAt, id", tenantId);
    }
}
