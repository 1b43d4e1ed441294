package org.roomgate.backend;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of a tenant's backend configuration. */
public final class BackendDtos {

    private BackendDtos() {
    }

    @Schema(name = "BackendRequest", description = "One of four kinds; the fields of other kinds must be absent. "
            + "Secrets (secret, apiSecret, appSecret) are write-only: stored encrypted, never returned or logged.",
            example = """
            {"kind":"BIGBLUEBUTTON","url":"https://bbb.example/bigbluebutton/","secret":"639259d4-9dd8-4b25-bf01-95f9567eaf4b","checksum":"SHA256"}""")
    public record BackendRequest(
            @NotNull BackendKind kind,
            @Size(max = 2000) @Schema(description = "BIGBLUEBUTTON: the API base (https://…/bigbluebutton/); "
                    + "LIVEKIT: wss://…; JITSI: https://meet…") String url,
            @Size(max = 500) @Schema(description = "BIGBLUEBUTTON: the shared secret (write-only)") String secret,
            @Schema(description = "BIGBLUEBUTTON: SHA1, SHA256 (default), SHA384 or SHA512") ChecksumAlgorithm checksum,
            @Size(max = 2000) @Schema(description = "LIVEKIT: the server API (https://…)") String apiUrl,
            @Size(max = 200) @Schema(description = "LIVEKIT: the API key") String apiKey,
            @Size(max = 500) @Schema(description = "LIVEKIT: the API secret (write-only)") String apiSecret,
            @Size(max = 200) @Schema(description = "JITSI: the token's iss (app_id)") String appId,
            @Size(max = 200) @Schema(description = "JITSI: the token's aud (default jitsi)") String audience,
            @Schema(description = "JITSI: RS256 (default) or HS256") JitsiAlgorithm algorithm,
            @Size(max = 500) @Schema(description = "JITSI with HS256 only: app_secret (write-only), "
                    + "at least 256 random bits, e.g. openssl rand -hex 32") String appSecret) {
    }

    /** The checksum algorithms BigBlueButton accepts (supportedChecksumAlgorithms). */
    public enum ChecksumAlgorithm {
        SHA1, SHA256, SHA384, SHA512
    }

    /** The token algorithms roomgate signs Jitsi tokens with. */
    public enum JitsiAlgorithm {
        RS256, HS256
    }

    @Schema(name = "Backend", description = "A tenant's backend without its secrets", example = """
            {"kind":"LIVEKIT","url":"wss://livekit.schule.example","apiUrl":"https://livekit.schule.example",
             "apiKey":"APIroomgate","updatedAt":"2026-03-02T07:45:00.067733Z"}""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BackendView(BackendKind kind, String url, String checksum, String apiUrl, String apiKey, String appId,
            String audience, String algorithm,
            @Schema(description = "When the configuration was last set (extension); absent for the default NATIVE")
            Instant updatedAt) {

        static BackendView of(TenantBackend stored) {
            return new BackendView(stored.kind, stored.url, stored.checksum, stored.apiUrl, stored.apiKey, stored.appId,
                    stored.audience, stored.algorithm, stored.updatedAt);
        }

        static BackendView nativeDefault() {
            return new BackendView(BackendKind.NATIVE, null, null, null, null, null, null, null, null);
        }
    }
}
