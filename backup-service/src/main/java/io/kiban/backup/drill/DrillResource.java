package io.kiban.backup.drill;

import io.kiban.backup.drill.DrillDtos.DrillInput;
import io.kiban.backup.drill.DrillDtos.DrillView;
import io.kiban.commons.files.ContentStore;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.web.BodyLimit;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/restore-drills")
@Tag(name = "Restore drills", description = "Restores that were tried (R-BK-4)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DrillResource {

    private final DrillService service;
    private final DrillEvidence evidence;

    public DrillResource(DrillService service, DrillEvidence evidence) {
        this.service = service;
        this.evidence = evidence;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One restore drill")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.VENDOR, Roles.SUPPORT_VENDOR,
        Roles.SERVICE })
    public DrillView get(@RestPath long id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}/evidence")
    @Consumes(MediaType.WILDCARD)
    @BodyLimit(property = "kiban.backup.evidence.max-file-size", defaultValue = "20M")
    @Operation(summary = "Attach the drill's evidence file (PDF, PNG or JPEG; streamed; stored by SHA-256, never "
            + "replaced): jpo-admin or the organisation that performed the drill",
            description = "The body is the file; ?fileName= names it. The same file again answers as before; "
                    + "another file is 409 (R-BK-4). Organisation (403), type (415) and size (413) are checked before "
                    + "anything is written to the write-once store (SEC-BK-6).")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public DrillView attach(@RestPath long id, @RestQuery String fileName,
            @RestHeader("Content-Type") String contentType, InputStream body) {
        if (!ContentStore.isSafeName(fileName)) {
            throw ProblemException.badField("fileName",
                    "required; no path separators or control characters, at most 200 characters");
        }
        service.requireMayAttach(id);
        ContentStore.Stored stored = evidence.store(body, contentType);
        return service.attach(id, fileName, stored);
    }

    @GET
    @Path("/{id}/evidence")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download the drill's evidence file, checked against its SHA-256 first (409 if altered); "
            + "its type in X-Uploaded-Content-Type")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.VENDOR, Roles.SUPPORT_VENDOR,
        Roles.SERVICE })
    public RestResponse<StreamingOutput> evidence(@RestPath long id) {
        DrillDtos.EvidenceFile file = service.get(id).evidenceFile();
        if (file == null) {
            throw ProblemException.notFound("evidence file of restore drill", id);
        }
        java.nio.file.Path path = evidence.verified(file.sha256());
        StreamingOutput body = out -> java.nio.file.Files.copy(path, out);
        return RestResponse.ResponseBuilder.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("X-Uploaded-Content-Type", file.contentType())
                .header("Content-Length", file.size())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Digest", "sha-256=" + file.sha256()).build();
    }

    @POST
    @Idempotent
    @Operation(summary = "Record a restore drill; the caller is recorded as who performed it")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public RestResponse<DrillView> record(@Valid @NotNull DrillInput body) {
        DrillView view = service.record(body);
        return Responses.created(URI.create("/restore-drills/" + view.id()), view);
    }

    @GET
    @Operation(summary = "Restore drills, newest first")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.VENDOR, Roles.SUPPORT_VENDOR,
        Roles.SERVICE })
    public RestResponse<List<DrillView>> list(@RestQuery Long targetId, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(targetId, PageRequest.of(page, size)).toResponse(uri);
    }
}
