package org.roomgate.openapi;

import java.util.Arrays;
import java.util.Optional;

import org.roomgate.tenant.Roles;

/**
 * The four kinds of caller (R11), one OpenAPI security scheme each: which role a credential
 * carries, and how an integrator gets one.
 */
public enum CallerScheme {
    OPS(Roles.OPS, "opsKey", "Ops key: the operator's secret, set when the service starts "
            + "(`ROOMGATE_BOOTSTRAP_OPS_KEY`; `dev-ops-key` in dev mode). Creates tenants, their API keys and "
            + "backends; reads any tenant's metadata by naming it with `?tenant=<id>`."),
    PLATFORM(Roles.PLATFORM, "platformKey", "A tenant's platform key: the `key` of "
            + "`POST /api/v1/tenants/{tenantId}/api-keys` with `{\"role\":\"platform\"}` (ops key), shown only once. "
            + "The school platform's credential: policy, consents, subjects, rooms, joins."),
    DASHBOARD(Roles.DASHBOARD, "dashboardKey", "A tenant's dashboard key: the `key` of "
            + "`POST /api/v1/tenants/{tenantId}/api-keys` with `{\"role\":\"dashboard\"}` (ops key), shown only once. "
            + "Reads the tenant's rooms, attendance, statistics, compliance and wipe receipts."),
    PARTICIPANT(Roles.PARTICIPANT, "joinToken", "A participant's join token (JWT): the `token` of "
            + "`POST /api/v1/rooms/{roomId}/join` (platform key) or of `POST /api/v1/rooms/{roomId}/token`. "
            + "Valid for its room until `expiresAt` and while the participation lasts; the room's content endpoints.");

    private final String role;
    private final String schemeName;
    private final String description;

    CallerScheme(String role, String schemeName, String description) {
        this.role = role;
        this.schemeName = schemeName;
        this.description = description;
    }

    /** The security role a credential of this kind carries, as in {@code @RolesAllowed}. */
    public String role() {
        return role;
    }

    /** The scheme's name under {@code components.securitySchemes}. */
    public String schemeName() {
        return schemeName;
    }

    public String description() {
        return description;
    }

    /** The caller that carries this role, if any does. */
    public static Optional<CallerScheme> forRole(String role) {
        return Arrays.stream(values()).filter(c -> c.role.equals(role)).findFirst();
    }

    /** The caller of this scheme name, if it is one of ours. */
    public static Optional<CallerScheme> forSchemeName(String schemeName) {
        return Arrays.stream(values()).filter(c -> c.schemeName.equals(schemeName)).findFirst();
    }
}
