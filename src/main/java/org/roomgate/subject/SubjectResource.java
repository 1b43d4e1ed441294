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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
    @APIResponse(responseCode = "200", description = "The subject's data (empty lists when nothing is stored)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "platform key", value = """
                    {"subjectId":"p-4711","consents":[{"id":"0793aaa7-072e-4884-81a3-0ee194a3c55e","subjectId":"p-4711",
                     "kind":"GRANT","policyVersion":"2020-11-19","grantedBy":{"name":"Erika Mustermann","relation":"GUARDIAN"},
                     "scopes":["VIDEO","AUDIO","CHAT"],"purposes":["LESSON"],"grantedAt":"2026-03-02T07:42:16.905548Z",
                     "status":"ACTIVE"}],
                     "content":[{"kind":"chat","roomId":"3b694795-1aa6-4fcf-80af-07010bb32da8",
                      "createdAt":"2026-03-02T07:56:11.722397Z","text":"Guten Morgen!"}],
                     "participations":[{"roomId":"3b694795-1aa6-4fcf-80af-07010bb32da8","participation":{
                      "participationId":"acdf9948-2456-4d75-83ee-20387d3aea13","subjectId":"p-4711","displayName":"Max M.",
                      "role":"PUPIL","joinedAt":"2026-03-02T07:55:09.154698Z","leftAt":null,"leaveReason":null}}]}""")))
    public Map<String, Object> export(@PathParam("subjectId") @SubjectId String subjectId) {
        return subjects.export(caller.tenantId(), subjectId, !caller.isOperator());
    }

    @DELETE
    @Operation(operationId = "eraseSubject", summary = "Erase everything stored about the subject",
            description = "Ends its open participations and deletes consents, participations and authored content.")
    @APIResponse(responseCode = "200", description = "Counts of what was deleted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "erased",
                    value = "{\"deleted\":{\"consents\":2,\"content\":3,\"participations\":4}}")))
    public Map<String, Map<String, Long>> erase(@PathParam("subjectId") @SubjectId String subjectId) {
        return Map.of("deleted", subjects.erase(caller.tenantId(), subjectId));
    }
}
