package org.roomgate.backend;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A tenant's conference backend as stored: the secret only sealed ({@link SecretBox}). */
@Entity
@Table(name = "tenant_backend")
public class TenantBackend extends PanacheEntityBase {

    @Id
    public String tenantId;

    @Enumerated(EnumType.STRING)
    public BackendKind kind;

    public String url;

    public String apiUrl;

    public String apiKey;

    public String appId;

    public String audience;

    public String algorithm;

    public String checksum;

    public byte[] sealedSecret;

    public Instant updatedAt;
}
