package org.roomgate.content;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import org.roomgate.content.ContentDtos.WipeReceiptView;
import org.roomgate.tenant.Caller;
import org.roomgate.tenant.Roles;

@Path("/api/v1/rooms/{roomId}/wipe-receipt")
@Tag(name = "Rooms")
@RolesAllowed({ Roles.PLATFORM, Roles.DASHBOARD, Roles.OPS })
@Produces(MediaType.APPLICATION_JSON)
public class WipeReceiptResource {

    private final WipeService wipes;
    private final Caller caller;

    WipeReceiptResource(WipeService wipes, Caller caller) {
        this.wipes = wipes;
        this.caller = caller;
    }

    @GET
    @Parameter(name = Caller.TENANT_PARAMETER, in = ParameterIn.QUERY, description = Caller.TENANT_PARAMETER_DOC)
    @Operation(operationId = "getWipeReceipt", summary = "Proof that a closed room's content is gone",
            description = "Counts and times, no content (R6). contentUnreadableAt is the close; counts and wipedAt follow the wipe job.")
    @APIResponse(responseCode = "200", description = "The receipt", content = @Content(schema = @Schema(implementation = WipeReceiptView.class)))
    @APIResponse(responseCode = "404", description = "not-found: unknown room, or still open")
    public WipeReceiptView receipt(@PathParam("roomId") UUID roomId) {
        return wipes.receipt(caller.tenantId(), roomId);
    }
}
