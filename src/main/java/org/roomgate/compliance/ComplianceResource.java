package org.roomgate.compliance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.roomgate.compliance.ComplianceDtos.ComplianceReport;
import org.roomgate.tenant.Caller;
import org.roomgate.tenant.Roles;

@Path("/api/v1/compliance")
@Tag(name = "Compliance", description = "Live evidence for each rule R1–R11 of the school's policy (docs/policy.md)")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

    private final ComplianceService compliance;
    private final Caller caller;

    ComplianceResource(ComplianceService compliance, Caller caller) {
        this.compliance = compliance;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.PLATFORM, Roles.DASHBOARD, Roles.OPS })
    @Parameter(name = Caller.TENANT_PARAMETER, in = ParameterIn.QUERY, description = Caller.TENANT_PARAMETER_DOC)
    @Operation(operationId = "getCompliance", summary = "Compliance evidence, measured now",
            description = "Every rule R1–R11 with status OK, VIOLATED or UNKNOWN and the figures it rests on, measured "
                    + "live from the database, PostgreSQL's catalog and the running service, never from configuration "
                    + "alone. R9 lists each table of schema conference and whether it is UNLOGGED, with archive_mode; "
                    + "R8 the age of the tenant's oldest metadata against the limit; R6 wipes pending, the oldest one and "
                    + "the slowest close-to-wipe of the last 7 days; R5 refused recording attempts; R1/R3 pupils inside "
                    + "without a consent that counts now and refused joins by reason; R4 the access log and PostgreSQL's "
                    + "statement logging. A rule that cannot be measured is UNKNOWN, never OK. Counts and ages only, no "
                    + "names; the evidence fields are an extension.")
    @APIResponse(responseCode = "200", description = "The report, one entry per rule in order R1…R11",
            content = @Content(schema = @Schema(implementation = ComplianceReport.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: an ops key without ?tenant=")
    @APIResponse(responseCode = "404", description = "not-found: the tenant an ops key names does not exist")
    public ComplianceReport report() {
        return compliance.report(caller.tenantId());
    }
}
