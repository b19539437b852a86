package io.kiban.asset.media;

import io.kiban.asset.media.MediaDtos.MediumInput;
import io.kiban.asset.media.MediaDtos.MediumView;
import io.kiban.asset.media.MediaDtos.Replacement;
import io.kiban.asset.media.MediaDtos.ReplacementView;
import io.kiban.asset.media.MediaDtos.UnregisteredPart;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.commons.idempotency.Idempotent;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/hardware/{hardwareId: \\d+}/media")
@Tag(name = "media")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HardwareMediaResource {

    private final MediaService service;
    private final LedgerWriters writers;

    public HardwareMediaResource(MediaService service, LedgerWriters writers) {
        this.service = service;
        this.writers = writers;
    }

    @GET
    @Operation(summary = "Media of this hardware item; include=removed adds those that left it")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    public RestResponse<List<MediumView>> ofHardware(@RestPath long hardwareId, @RestQuery String include,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(null, hardwareId, MediaResource.includeRemoved(include), page, size).toResponse(uri);
    }

    @POST
    @Idempotent
    @Operation(summary = "Record a data-bearing medium installed in the item (R-AS-2: new only)",
            description = "jpo-admin and the contracted vendor; Idempotency-Key honoured; an environment that is "
                    + "REMOVED or CLOSED takes nothing new (422 naming R-RM-1/R-RM-3, 503 when lifecycle-service "
                    + "cannot say).")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<MediumView> install(@RestPath long hardwareId, @Valid @NotNull MediumInput body) {
        writers.require();
        MediumView view = service.install(hardwareId, body);
        return Responses.created(URI.create("/media/" + view.id()), view, view.version());
    }

    @POST
    @Idempotent
    @Path("/replacements")
    @Operation(summary = "Service-to-service (maintenance-service): a part swap — old medium removed and kept, new one "
            + "installed, in one transaction (R-AS-2: the new part must be new)",
            description = "Role service only (issue 13 hole 2); the reference of the maintenance replacement is "
                    + "required; refused in a REMOVED or CLOSED environment (422 naming R-RM-1/R-RM-3).")
    @RolesAllowed(Roles.SERVICE)
    public RestResponse<ReplacementView> replace(@RestPath long hardwareId, @Valid @NotNull Replacement body) {
        ReplacementView view = service.replace(hardwareId, body);
        return Responses.created(URI.create("/media/" + view.installed().id()), view);
    }

    @POST
    @Idempotent
    @Path("/unregistered-parts")
    @Operation(summary = "jpo-admin records a data-bearing part the ledger never listed (issue 13 hole 1, R-MT-3)",
            description = "Body {serial, kind, make, model, reason}; the medium gets origin UNREGISTERED_PART, so the "
                    + "ledger gap stays visible (GET /media, the change history, the standard sheet); audited; "
                    + "Idempotency-Key honoured; a serial already in the ledger → 409; refused in a REMOVED or CLOSED "
                    + "environment (422 naming R-RM-1/R-RM-3).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<MediumView> recordUnregistered(@RestPath long hardwareId,
            @Valid @NotNull UnregisteredPart body) {
        MediumView view = service.recordUnregistered(hardwareId, body);
        return Responses.created(URI.create("/media/" + view.id()), view, view.version());
    }
}
