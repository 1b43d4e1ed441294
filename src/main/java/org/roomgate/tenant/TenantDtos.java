package org.roomgate.tenant;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the tenant API. */
public final class TenantDtos {

    private TenantDtos() {
    }

    @Schema(name = "TenantRequest", example = "{\"id\":\"kastellschule\",\"name\":\"Kastellschule Oberhausen\"}")
    public record TenantRequest(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,62}", message = "must match [a-z0-9][a-z0-9-]{2,62}")
            @Schema(pattern = "[a-z0-9][a-z0-9-]{2,62}", example = "kastellschule") String id,
            @NotBlank @Size(max = 200) @Schema(example = "Kastellschule Oberhausen") String name) {
    }

    @Schema(name = "Tenant", example = """
            {"id":"kastellschule","name":"Kastellschule Oberhausen","createdAt":"2026-03-02T07:41:12.501498Z"}""")
    public record TenantView(String id, String name, Instant createdAt) {
        static TenantView of(Tenant tenant) {
            return new TenantView(tenant.id, tenant.name, tenant.createdAt);
        }
    }

    @Schema(name = "ApiKeyRequest", example = "{\"role\":\"platform\",\"label\":\"IServ production\"}")
    public record ApiKeyRequest(
            @NotNull @Schema(enumeration = { "platform", "dashboard" }) ApiKeyRole role,
            @Size(max = 200) @Schema(example = "IServ production") String label) {
    }

    @Schema(name = "ApiKeyCreated", description = "The new key; `key` is shown only in this response.", example = """
            {"id":"375ef7f7-ebda-4e2d-81d3-ec5d162bd3e0","role":"platform","label":"IServ",
             "key":"rg_bEv41Q4rJQbXTwGj4EZERU7uR8-RCFBNiUBJf0OvUyo","createdAt":"2026-03-02T07:41:13.271730Z"}""")
    public record ApiKeyCreated(UUID id, ApiKeyRole role, String label, String key, Instant createdAt) {
    }

    @Schema(name = "ApiKey", description = "A key as listed: never the key itself.", example = """
            {"id":"375ef7f7-ebda-4e2d-81d3-ec5d162bd3e0","role":"platform","label":"IServ",
             "createdAt":"2026-03-02T07:41:13.271730Z","revokedAt":null}""")
    public record ApiKeyView(UUID id, ApiKeyRole role, String label, Instant createdAt, Instant revokedAt) {
        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id, key.role, key.label, key.createdAt, key.revokedAt);
        }
    }
}
