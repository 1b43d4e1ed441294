package org.roomgate.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The roles a tenant's API key can have; operations keys come only from configuration. */
public enum ApiKeyRole {
    @JsonProperty(Roles.PLATFORM)
    PLATFORM(Roles.PLATFORM),
    @JsonProperty(Roles.DASHBOARD)
    DASHBOARD(Roles.DASHBOARD);

    private final String role;

    ApiKeyRole(String role) {
        this.role = role;
    }

    /** The security role name, as used in {@code @RolesAllowed}. */
    public String role() {
        return role;
    }

    @Override
    public String toString() {
        return role;
    }
}
