package org.roomgate.backend;

/**
 * A tenant's backend configuration with its secret opened, for the moment of one call. Never
 * logged: {@link #toString()} leaves the secret out.
 */
public record BackendSettings(String tenantId, BackendKind kind, String url, String apiUrl, String apiKey,
        String appId, String audience, String algorithm, String checksum, String secret) {

    static BackendSettings nativeFor(String tenantId) {
        return new BackendSettings(tenantId, BackendKind.NATIVE, null, null, null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "BackendSettings[tenant=" + tenantId + ", kind=" + kind + "]";
    }
}
