package org.roomgate.backend;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.token.TokenConfig;

/** roomgate's URL as browsers and backend servers reach it, without a trailing slash. */
@ApplicationScoped
public class PublicUrl {

    private final String base;

    PublicUrl(BackendConfig config, TokenConfig token) {
        String url = config.publicUrl().orElse(token.issuer());
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The base followed by {@code path}, which starts with a slash. */
    public String of(String path) {
        return base + path;
    }

    /** Where a tenant's backend posts its events; the same text is the callback URL its signatures cover. */
    public String eventsOf(String tenantId) {
        return of("/api/v1/backend-events/" + tenantId);
    }
}
