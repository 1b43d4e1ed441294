package org.roomgate.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.roomgate.content.ContentDtos.FileView;
import org.roomgate.idempotency.Idempotent;
import org.roomgate.paging.PageParams;
import org.roomgate.problem.DomainException;
import org.roomgate.tenant.Roles;

@Path("/api/v1/rooms/{roomId}/files")
@Tag(name = "Room content")
@RolesAllowed(Roles.PARTICIPANT)
@APIResponse(responseCode = "410", description = "room-closed: the room is closed and its content deleted (R6)")
public class FileResource {

    private final FileService files;

    FileResource(FileService files) {
        this.files = files;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadFile",
            summary = "Share a file", description = "Needs FILES. Multipart part `file`; at most roomgate.files.max-size.")
    @APIResponse(responseCode = "201", description = "Stored, encrypted", content = @Content(schema = @Schema(implementation = FileView.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: no part named `file`")
    @APIResponse(responseCode = "403", description = "capability-missing (rule R2), or a token for another room (forbidden)")
    @APIResponse(responseCode = "413", description = "payload-too-large")
    @APIResponse(responseCode = "409", description = "quota-exceeded: the room holds roomgate.files.max-per-room files")
    @Idempotent
    @Parameter(ref = Idempotent.HEADER)
    public Response upload(@PathParam("roomId") UUID roomId, @RestForm("file") FileUpload file) {
        if (file == null) {
            throw DomainException.invalid("file", "send the file as the multipart part named 'file'");
        }
        FileView stored = files.upload(roomId, file.uploadedFile(), file.fileName(), file.contentType());
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listFiles", summary = "List the room's files")
    @APIResponse(responseCode = "200", description = "Files, oldest first", content = @Content(schema = @Schema(implementation = FileView[].class)))
    public Response list(@PathParam("roomId") UUID roomId, @BeanParam PageParams page) {
        return page.respond(files.list(roomId, page.afterId(), page.fetch()), f -> PageParams.cursorOf(f.id()));
    }

    @GET
    @Path("/{fileId}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadFile",
            summary = "Download a file", description = "Always as an attachment, never rendered inline.")
    @APIResponse(responseCode = "200", description = "The file's bytes")
    @APIResponse(responseCode = "404", description = "not-found")
    public Response download(@PathParam("roomId") UUID roomId, @PathParam("fileId") UUID fileId) {
        FileService.Download file = files.download(roomId, fileId);
        return Response.ok(file.bytes(), file.contentType())
                .header("Content-Disposition", attachment(file.name()))
                // Browsers must not guess a type and run a shared HTML file as a page ...
                .header("X-Content-Type-Options", "nosniff")
                // ... and if one is opened anyway, it runs sandboxed, without scripts or our origin.
                .header("Content-Security-Policy", "sandbox")
                .build();
    }

    private static String attachment(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
