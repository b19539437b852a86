package io.kiban.lifecycle.removal;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.lifecycle.support.Lists;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.time.ReiwaDates;
import io.kiban.commons.web.BodyLimit;
import io.kiban.lifecycle.contract.Contract;
import io.kiban.lifecycle.contract.ContractService;
import io.kiban.lifecycle.phase.PhaseDtos.ChecklistItemView;
import io.kiban.lifecycle.phase.PhaseDtos.EvidenceFileView;
import io.kiban.lifecycle.phase.PhaseDtos.NoteInput;
import io.kiban.lifecycle.phase.PhaseDtos.PhaseView;
import io.kiban.lifecycle.phase.PhaseDtos.ReasonInput;
import io.kiban.lifecycle.phase.PhaseService;
import io.kiban.lifecycle.phase.RestorationService;
import io.kiban.lifecycle.phase.Blocker;
import io.kiban.lifecycle.removal.RemovalDtos.Readiness;
import io.kiban.lifecycle.support.DocumentStore;
import io.kiban.lifecycle.support.Environment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/removal/{environment}")
@Tag(name = "removal", description = "Removal gate (R-RM-1, R-RM-3, R-RM-4, R-LC-8) and restoration checklist 原状復帰")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RemovalResource {

    private final RemovalGate gate;
    private final PhaseService phases;
    private final RestorationService restoration;
    private final ContractService contracts;
    private final DocumentStore store;
    private final io.kiban.lifecycle.phase.RemovalObligation obligation;

    public RemovalResource(RemovalGate gate, PhaseService phases, RestorationService restoration,
            ContractService contracts, DocumentStore store, io.kiban.lifecycle.phase.RemovalObligation obligation) {
        this.obligation = obligation;
        this.store = store;
        this.gate = gate;
        this.phases = phases;
        this.restoration = restoration;
        this.contracts = contracts;
    }

    @GET
    @Path("/readiness")
    @Operation(summary = "What still blocks removal of this environment, each with id and source; days left to R-LC-8",
            description = "Blockers: MEDIUM_WITHOUT_ACCEPTED_EVIDENCE (asset media ever installed × maintenance evidence, "
                    + "R-RM-3), BACKUP_COPY_NOT_ACCOUNTED_FOR (not asked for SHARED, which holds no backups), "
                    + "OUTSTANDING_SANITIZATION (maintenance-service's outstanding entries for the environment, any kind, "
                    + "R-RM-3), RESTORATION_NOT_SIGNED (R-RM-1), for PRODUCTION ARCHIVE_NOT_HANDED_OVER, "
                    + "ARCHIVE_RECEIPT_NOT_RECORDED, ARCHIVE_OLDER_THAN_EVIDENCE (R-RM-4: an archive built after the last "
                    + "accepted evidence, received by JPO) and VENDOR_COPY_NOT_CONFIRMED (R-RM-4, security 8)), "
                    + "ENVIRONMENT_NOT_REMOVED (SHARED), and "
                    + "SERVICE_UNAVAILABLE when another service cannot be asked. REMOVED and CLOSED both require it empty. "
                    + "R-LC-8: a passed removal deadline blocks nothing and no note clears it: removalBreaches lists the "
                    + "environment's breach (NOT_REMOVED, later REMOVED_LATE), which the overview, deadlines and archive show.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public Readiness readiness(@RestPath String environment) {
        Environment env = Environment.parse("environment", environment);
        List<Blocker> blockers = gate.blockers(env);
        Contract c = contracts.contract();
        return new Readiness(env, phases.get(env).phase(), blockers.isEmpty(), c.removalDeadline,
                ReiwaDates.format(c.removalDeadline), ChronoUnit.DAYS.between(gate.today(), c.removalDeadline), blockers,
                obligation.breaches().stream().filter(b -> b.environment() == env).toList());
    }

    @POST
    @Path("/late-reason")
    @Operation(summary = "Record why removal completes after the removal deadline (R-LC-8), jpo-admin",
            description = "R-LC-8: the reason is shown beside the breach; it neither clears the breach nor is needed to remove.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public PhaseView lateReason(@RestPath String environment, @Valid @NotNull ReasonInput body) {
        return phases.recordLateReason(Environment.parse("environment", environment), body.reason());
    }

    @GET
    @Path("/checklist")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<List<ChecklistItemView>> checklist(@RestPath String environment, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(restoration.checklist(Environment.parse("environment", environment)), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/checklist/{item}")
    @Operation(summary = "One restoration item with its evidence; its ETag is what a signature's If-Match names")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<ChecklistItemView> item(@RestPath String environment, @RestPath String item) {
        ChecklistItemView view = restoration.item(Environment.parse("environment", environment), item);
        return io.kiban.commons.web.Responses.ok(view, view.version());
    }

    @PUT
    @Path("/checklist/{item}/note")
    @Operation(summary = "The vendor's note of what was restored for one item")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public ChecklistItemView note(@RestPath String environment, @RestPath String item, @Valid @NotNull NoteInput body) {
        return restoration.note(Environment.parse("environment", environment), item, body.note());
    }

    @POST
    @Path("/checklist/{item}/evidence")
    @Consumes(MediaType.WILDCARD)
    @BodyLimit(property = "kiban.restoration.max-file", defaultValue = "50M")
    @io.kiban.commons.idempotency.Idempotent
    @Operation(summary = "Add an evidence file of one restoration item: a photo (JPEG, PNG) or a PDF, ?fileName= "
            + "(stored by SHA-256, never rewritten; audited); the contracted vendor or jpo-admin",
            description = "201 with the item and its evidence; 200 when this file was already attached. 415 when the "
                    + "content is not JPEG, PNG or PDF; 422 naming R-RM-1 once the item is signed off. An added file "
                    + "changes the item's version (a signature's If-Match must name the version with it). Honours "
                    + "Idempotency-Key.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<ChecklistItemView> addEvidence(@RestPath String environment, @RestPath String item,
            @RestQuery String fileName, java.nio.file.Path file) throws java.io.IOException {
        Environment env = Environment.parse("environment", environment);
        restoration.requireOpenForEvidence(env, item);
        DocumentStore.safeName(fileName);
        try (InputStream body = java.nio.file.Files.newInputStream(file)) {
            return addEvidence(env, item, fileName, body);
        }
    }

    private RestResponse<ChecklistItemView> addEvidence(Environment env, String item, String fileName, InputStream body) {
        DocumentStore.Typed typed = DocumentStore.photoOrPdf(body);
        DocumentStore.Stored stored = store.store(typed.in());
        RestorationService.Added added = restoration.addEvidence(env, item, fileName, typed.contentType(), stored);
        if (!added.created()) {
            return RestResponse.ok(added.item());
        }
        URI location = URI.create("/removal/" + env + "/checklist/"
                + URLEncoder.encode(item, StandardCharsets.UTF_8).replace("+", "%20") + "/evidence/" + stored.sha256());
        return RestResponse.ResponseBuilder.<ChecklistItemView>created(location).entity(added.item()).build();
    }

    @GET
    @Path("/checklist/{item}/evidence")
    @Operation(summary = "The evidence files of one restoration item")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<List<EvidenceFileView>> evidence(@RestPath String environment, @RestPath String item, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(restoration.evidence(Environment.parse("environment", environment), item), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/checklist/{item}/evidence/{sha256}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download one evidence file of a restoration item (streamed, as uploaded; its type in "
            + "X-Uploaded-Content-Type)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<StreamingOutput> evidenceFile(@RestPath String environment, @RestPath String item,
            @RestPath String sha256) {
        RestorationService.FileRef ref = restoration.evidenceFile(Environment.parse("environment", environment), item,
                sha256);
        StreamingOutput out = o -> {
            try (InputStream in = store.open(ref.sha256())) {
                in.transferTo(o);
            }
        };
        return RestResponse.ResponseBuilder.ok(out, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("X-Uploaded-Content-Type", ref.contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(ref.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Digest", "sha-256=" + ref.sha256())
                .header("Content-Length", ref.size()).build();
    }

    @POST
    @Path("/checklist/{item}/signature")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Sign off one restoration item (jpo-admin) while the environment is REMOVING",
            description = "R-SEC-2: If-Match of the item version reviewed (428 without, 412 stale); the account that "
                    + "wrote its note or one of its evidence files never signs it (403 naming R-SEC-2). 422 naming "
                    + "R-RM-1 when the environment is not REMOVING, the item is signed already, or it has no evidence "
                    + "file yet.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<ChecklistItemView> sign(@RestPath String environment, @RestPath String item,
            @org.jboss.resteasy.reactive.RestHeader("If-Match") String ifMatch) {
        ChecklistItemView view = restoration.sign(Environment.parse("environment", environment), item, ifMatch);
        return io.kiban.commons.web.Responses.ok(view, view.version());
    }
}
