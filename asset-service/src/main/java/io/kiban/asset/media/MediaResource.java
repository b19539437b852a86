package io.kiban.asset.media;

import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import io.kiban.asset.media.MediaDtos.MediumView;
import io.kiban.asset.media.MediaDtos.Removal;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.Filters;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/media")
@Tag(name = "media", description = "Data-bearing media (disks, SSD, NVMe, NVRAM, tape…) inside hardware, with their history")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MediaResource {

    private final MediaService service;
    private final HistoryService history;
    private final LedgerWriters writers;

    public MediaResource(MediaService service, HistoryService history, LedgerWriters writers) {
        this.service = service;
        this.history = history;
        this.writers = writers;
    }

    @GET
        @Operation(summary = "Media by environment and/or hardware; include=removed lists every medium ever installed. "
            + "Without page/size, all matches are returned.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<MediumView>> list(@RestQuery String environment, @RestQuery Long hardwareId,
            @RestQuery String include, @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(Filters.parse(Environment.class, "environment", environment), hardwareId,
                includeRemoved(include), page, size).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<MediumView> get(@RestPath long id) {
        MediumView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(summary = "Sheet 10 (変更管理): every change of this medium")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public List<RevisionView> history(@RestPath long id) {
        return history.history(Medium.class, "medium", id);
    }

    @POST
    @Path("/{id: \\d+}/removal")
    @Operation(summary = "Record that a medium left its hardware; it stays in the history with removedOn (If-Match required)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<MediumView> remove(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull Removal body) {
        writers.require();
        MediumView view = service.remove(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    static boolean includeRemoved(String include) {
        if (include == null || include.isBlank()) {
            return false;
        }
        if (include.trim().equalsIgnoreCase("removed")) {
            return true;
        }
        throw ProblemException.badField("include", "must be 'removed' or absent");
    }
}
