package org.roomgate.tenant;

/** The callers of API.md "Callers and authentication" (R11); each may do only its own part. */
public final class Roles {

    public static final String OPS = "ops";
    public static final String PLATFORM = "platform";
    public static final String DASHBOARD = "dashboard";
    public static final String PARTICIPANT = "participant";

    /** The security identity attribute that names the caller's tenant. */
    public static final String TENANT_ATTRIBUTE = "roomgate.tenant";

    private Roles() {
    }
}
