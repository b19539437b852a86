package io.kiban.asset.media;

import io.kiban.asset.support.Lists;
import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import io.kiban.asset.media.MediaDtos.MediumView;
import io.kiban.asset.media.MediaDtos.NotDataBearing;
import io.kiban.asset.media.MediaDtos.Removal;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.Filters;
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
    public MediaResource(MediaService service, HistoryService history) {
        this.service = service;
        this.history = history;
    }

    @GET
    @Operation(summary = "Media by environment and/or hardware; include=removed lists every medium ever installed",
            description = "Paged (page, size ≤ 200, X-Total-Count, Link). Each row carries serial, kind, dataBearing "
                    + "(the ledger's word, issue 13), origin (LEDGER or UNREGISTERED_PART), removalVia and "
                    + "removedWithoutCustodyReference (a medium that left without a replacement or sanitization order "
                    + "reference: a blocker for R-MT-6 / R-RM-3).")
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
    public RestResponse<List<RevisionView>> history(@RestPath long id,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(history.history(Medium.class, "medium", id), page, size).toResponse(uri);
    }

    @POST
    @Path("/{id: \\d+}/removal")
    @Operation(summary = "Service-to-service: a medium leaves its hardware through a sanitization order (R-RM-3)",
            description = "Role service only (issue 13 hole 2: a medium leaves the ledger only through a maintenance "
                    + "replacement or a sanitization order, both of which create custody); vendors and jpo-admin get "
                    + "403. The reference of the order is required; the row stays with removedOn. If-Match required "
                    + "(428/412).")
    @RolesAllowed(Roles.SERVICE)
    public RestResponse<MediumView> remove(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull Removal body) {
        MediumView view = service.remove(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id: \\d+}/not-data-bearing")
    @Operation(summary = "jpo-admin declares a ledger medium not data-bearing, with a reason (R-MT-3, issue 13 hole 1)",
            description = "The ledger, not the vendor, says what bears data: only jpo-admin may declare that a "
                    + "medium does not; the reason is required, the declaration is audited and in the change history. "
                    + "If-Match required (428/412); a removed medium or one already declared → 409.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<MediumView> declareNotDataBearing(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull NotDataBearing body) {
        MediumView view = service.declareNotDataBearing(id, ifMatch, body);
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
