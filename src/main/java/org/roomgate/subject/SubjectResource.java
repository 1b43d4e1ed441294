package org.roomgate.subject;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.roomgate.problem.Problem;
import org.roomgate.tenant.Caller;
import org.roomgate.tenant.Roles;

@Path("/api/v1/subjects/{subjectId}")
@Tag(name = "Subjects", description = "Export and erasure of all data about a pupil (GDPR Art. 15 and 17)")
@RolesAllowed(Roles.PLATFORM)
@Produces(MediaType.APPLICATION_JSON)
public class SubjectResource {

    private final SubjectService subjects;
    private final Caller caller;

    SubjectResource(SubjectService subjects, Caller caller) {
        this.subjects = subjects;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.PLATFORM, Roles.OPS })
    @Parameter(name = Caller.TENANT_PARAMETER, in = ParameterIn.QUERY, description = Caller.TENANT_PARAMETER_DOC)
    @Path("/data")
    @Operation(operationId = "exportSubjectData", summary = "Export everything stored about the subject",
            description = "Consent history, retained participations and content it authored in rooms still open. "
                    + "With an ops key (?tenant=) metadata only: content appears as counts.")
    @APIResponse(responseCode = "200", description = "The subject's data (empty lists when nothing is stored)")
    public Map<String, Object> export(@PathParam("subjectId") @SubjectId String subjectId) {
        return subjects.export(caller.tenantId(), subjectId, !caller.isOperator());
    }

    @DELETE
    @Operation(operationId = "eraseSubject", summary = "Erase everything stored about the subject",
            description = "Ends its open participations and deletes consents, participations and authored content.")
    @APIResponse(responseCode = "200", description = "Counts of what was deleted, e.g. {\"deleted\":{\"consents\":2}}")
    public Map<String, Map<String, Long>> erase(@PathParam("subjectId") @SubjectId String subjectId) {
        return Map.of("deleted", subjects.erase(caller.tenantId(), subjectId));
    }
}
