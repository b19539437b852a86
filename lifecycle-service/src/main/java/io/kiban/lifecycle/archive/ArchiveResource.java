package io.kiban.lifecycle.archive;

import org.jboss.resteasy.reactive.RestQuery;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.lifecycle.support.Lists;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.lifecycle.archive.ArchiveService.ArchiveView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@jakarta.ws.rs.Path("/archive")
@Tag(name = "archive", description = "Archive handover to JPO before production is removed (R-RM-4)")
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource {

    private final ArchiveService service;

    public ArchiveResource(ArchiveService service) {
        this.service = service;
    }

    @POST
    @io.kiban.commons.idempotency.Idempotent
    @jakarta.ws.rs.Consumes(MediaType.WILDCARD)
    @Operation(summary = "Build the archive (jpo-admin): every service's records export, this service's records and "
            + "documents, manifest.json with SHA-256 per entry; the archive's own SHA-256 and time are recorded",
            description = "R-RM-4: 503 naming the service when one cannot export: an incomplete archive is never handed "
                    + "over. The media whose destruction evidence maintenance-service had accepted are noted: PRODUCTION's "
                    + "removal counts only an archive that holds every accepted evidence of its media. Honours "
                    + "Idempotency-Key.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ArchiveView> create() {
        ArchiveView view = service.create();
        return RestResponse.ResponseBuilder.<ArchiveView>created(URI.create("/archive/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.AUDITOR })
    public RestResponse<List<ArchiveView>> list(@RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.list(), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @jakarta.ws.rs.Path("/{id}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.AUDITOR })
    public ArchiveView get(@RestPath long id) {
        return service.get(id);
    }

    @POST
    @jakarta.ws.rs.Path("/{id}/receipt")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @io.kiban.commons.idempotency.Idempotent
    @Operation(summary = "Record JPO's receipt of the archive (jpo-admin) with the SHA-256 JPO computed from the file",
            description = "R-RM-4: PRODUCTION is removed only with an archive whose receipt JPO recorded; a SHA-256 "
                    + "that is not the archive's → 409 naming R-RM-4 and nothing recorded; a second receipt → 409; "
                    + "audited. Honours Idempotency-Key.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ArchiveView> receipt(@RestPath long id,
            @jakarta.validation.Valid @jakarta.validation.constraints.NotNull ArchiveService.ReceiptInput body) {
        return RestResponse.ok(service.receive(id, body.sha256()));
    }

    @GET
    @jakarta.ws.rs.Path("/{id}/file")
    @Produces("application/zip")
    @Operation(summary = "Download the archive (streamed)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.AUDITOR })
    public RestResponse<StreamingOutput> file(@RestPath long id) {
        ArchiveView view = service.get(id);
        java.nio.file.Path file = service.file(id);
        StreamingOutput body = out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        };
        return RestResponse.ResponseBuilder.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + view.fileName() + "\"")
                .header("Digest", "sha-256=" + view.sha256())
                .header("Content-Length", view.size()).build();
    }
}
