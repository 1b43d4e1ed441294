package org.roomgate.tenant;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Resolves an API key to its tenant and role. The lookup goes to the database on every request,
 * so a revoked key fails at once on every instance; it is one indexed read by hash.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<BearerAuthenticationRequest> {

    private static final String FIND_ACTIVE_KEY =
            "SELECT id, tenant_id, role FROM api_key WHERE key_hash = ? AND revoked_at IS NULL";

    private final AgroalDataSource dataSource;
    private final Optional<byte[]> bootstrapOpsKeyHash;

    ApiKeyIdentityProvider(AgroalDataSource dataSource, AuthConfig config) {
        this.dataSource = dataSource;
        this.bootstrapOpsKeyHash = config.bootstrapOpsKey().filter(k -> !k.isBlank()).map(KeyHashing::hash);
    }

    @Override
    public Class<BearerAuthenticationRequest> getRequestType() {
        return BearerAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerAuthenticationRequest request, AuthenticationRequestContext context) {
        if (request.isJoinToken()) {
            return Uni.createFrom().nullItem();
        }
        return context.runBlocking(() -> identify(request.token()));
    }

    private SecurityIdentity identify(String key) {
        byte[] hash = KeyHashing.hash(key);
        if (bootstrapOpsKeyHash.isPresent() && MessageDigest.isEqual(hash, bootstrapOpsKeyHash.get())) {
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("bootstrap-ops-key"))
                    .addRole(Roles.OPS)
                    .build();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(FIND_ACTIVE_KEY)) {
            statement.setBytes(1, hash);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new AuthenticationFailedException("Unknown or revoked API key");
                }
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(row.getString("id")))
                        .addRole(ApiKeyRole.valueOf(row.getString("role")).role())
                        .addAttribute(Roles.TENANT_ATTRIBUTE, row.getString("tenant_id"))
                        .build();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("API key lookup failed", e);
        }
    }
}
