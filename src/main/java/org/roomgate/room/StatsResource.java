package org.roomgate.room;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.roomgate.room.RoomDtos.StatsView;
import org.roomgate.tenant.Caller;
import org.roomgate.tenant.Roles;

@Path("/api/v1/stats")
@Tag(name = "Rooms")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final StatsService stats;
    private final Caller caller;

    StatsResource(StatsService stats, Caller caller) {
        this.stats = stats;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.PLATFORM, Roles.DASHBOARD, Roles.OPS })
    @Parameter(name = Caller.TENANT_PARAMETER, in = ParameterIn.QUERY, description = Caller.TENANT_PARAMETER_DOC)
    @Operation(operationId = "getStats",
            summary = "The tenant's figures now", description = "Open rooms, participants, joins and denials by reason "
            + "today (school time zone), wipes pending, age in seconds of the oldest retained metadata.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = StatsView.class)))
    public StatsView stats() {
        return stats.stats(caller.tenantId());
    }
}
