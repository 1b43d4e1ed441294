package org.roomgate.tenant;

import jakarta.enterprise.context.RequestScoped;

import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The authenticated caller of this request, and the one tenant whose data it may touch (R11).
 * A tenant's keys are bound to their tenant; an ops key, which may read everything, names the
 * tenant it reads with the query parameter {@value #TENANT_PARAMETER}.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_PARAMETER = "tenant";
    /** OpenAPI text of that parameter. */
    public static final String TENANT_PARAMETER_DOC =
            "Ops key only (extension): the tenant whose data to read. Platform and dashboard keys read their own tenant.";

    private final SecurityIdentity identity;
    private final RoutingContext request;

    Caller(SecurityIdentity identity, RoutingContext request) {
        this.identity = identity;
        this.request = request;
    }

    /** The caller's tenant; every tenant-scoped query is filtered by it. */
    public String tenantId() {
        if (identity.hasRole(Roles.OPS)) {
            return tenantNamedByOps();
        }
        String tenant = identity.getAttribute(Roles.TENANT_ATTRIBUTE);
        if (tenant == null) {
            throw new DomainException(ProblemType.FORBIDDEN, "This credential belongs to no tenant.");
        }
        return tenant;
    }

    /** Whether an operator (ops key) calls: it reads metadata of any tenant, never content. */
    public boolean isOperator() {
        return identity.hasRole(Roles.OPS);
    }

    private String tenantNamedByOps() {
        String tenant = request.queryParams().get(TENANT_PARAMETER);
        if (tenant == null || tenant.isBlank()) {
            throw DomainException.invalid(TENANT_PARAMETER, "an ops key reads a tenant's data by naming it: ?tenant=<id>");
        }
        if (Tenant.findById(tenant) == null) {
            throw DomainException.notFound("Tenant");
        }
        return tenant;
    }
}
