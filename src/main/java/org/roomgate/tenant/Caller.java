package org.roomgate.tenant;

import jakarta.enterprise.context.RequestScoped;

import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

import io.quarkus.security.identity.SecurityIdentity;

/** The authenticated caller of this request, and the one tenant whose data it may touch (R11). */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's tenant; every tenant-scoped query is filtered by it. */
    public String tenantId() {
        String tenant = identity.getAttribute(Roles.TENANT_ATTRIBUTE);
        if (tenant == null) {
            throw new DomainException(ProblemType.FORBIDDEN, "This credential belongs to no tenant.");
        }
        return tenant;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public String principal() {
        return identity.getPrincipal().getName();
    }
}
