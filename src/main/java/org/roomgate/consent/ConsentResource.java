package org.roomgate.consent;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.roomgate.consent.ConsentDtos.ConsentRequest;
import org.roomgate.consent.ConsentDtos.ConsentView;
import org.roomgate.paging.PageParams;
import org.roomgate.subject.SubjectId;
import org.roomgate.tenant.Caller;
import org.roomgate.tenant.Roles;

@Path("/api/v1/subjects/{subjectId}/consent")
@Tag(name = "Consent", description = "Guardian consent per capability and purpose; withdrawal at any time (R1–R3)")
@RolesAllowed(Roles.PLATFORM)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final ConsentService consents;
    private final Caller caller;

    ConsentResource(ConsentService consents, Caller caller) {
        this.consents = consents;
        this.caller = caller;
    }

    @PUT
    @Operation(operationId = "grantConsent",
            summary = "Record a consent", description = "Each PUT is a new version of the subject's consent and replaces "
            + "the previous one at once, also for open participations.")
    @APIResponse(responseCode = "200", description = "The stored record, status ACTIVE",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "409", description = "conflict: no policy published yet")
    public ConsentView grant(@PathParam("subjectId") @SubjectId String subjectId,
            @Valid @NotNull ConsentRequest body) {
        return consents.grant(caller.tenantId(), subjectId, body);
    }

    @GET
    @RolesAllowed({ Roles.PLATFORM, Roles.OPS })
    @Parameter(name = Caller.TENANT_PARAMETER, in = ParameterIn.QUERY, description = Caller.TENANT_PARAMETER_DOC)
    @Operation(operationId = "getConsent",
            summary = "Read the current consent", description = "Status ACTIVE, or OUTDATED when the policy requires re-consent.")
    @APIResponse(responseCode = "200", description = "The current record",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "404", description = "not-found: none, withdrawn or expired")
    public ConsentView current(@PathParam("subjectId") @SubjectId String subjectId) {
        return consents.current(caller.tenantId(), subjectId);
    }

    @GET
    @RolesAllowed({ Roles.PLATFORM, Roles.OPS })
    @Parameter(name = Caller.TENANT_PARAMETER, in = ParameterIn.QUERY, description = Caller.TENANT_PARAMETER_DOC)
    @Path("/history")
    @Operation(operationId = "getConsentHistory",
            summary = "Read the consent history", description = "All grants and withdrawals, oldest first.")
    @APIResponse(responseCode = "200", description = "The records",
            content = @Content(schema = @Schema(implementation = ConsentView[].class)))
    public Response history(@PathParam("subjectId") @SubjectId String subjectId, @BeanParam PageParams page) {
        return page.respond(consents.history(caller.tenantId(), subjectId, page.afterId(), page.fetch()),
                c -> PageParams.cursorOf(c.id()));
    }

    @DELETE
    @Operation(operationId = "withdrawConsent",
            summary = "Withdraw the consent", description = "Effective at once: the pupil's open participations end "
            + "(leave reason CONSENT_WITHDRAWN) and their join tokens stop working. Repeating it is harmless.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "not-found: the subject never had a consent")
    public void withdraw(@PathParam("subjectId") @SubjectId String subjectId) {
        consents.withdraw(caller.tenantId(), subjectId);
    }
}
