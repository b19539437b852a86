package io.kiban.lifecycle.deliverable;

import io.kiban.lifecycle.support.Lists;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.BodyLimit;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.deliverable.DeliverableDtos.ComplianceInput;
import io.kiban.lifecycle.deliverable.DeliverableDtos.ComplianceLine;
import io.kiban.lifecycle.deliverable.DeliverableDtos.DeliverableInput;
import io.kiban.lifecycle.deliverable.DeliverableDtos.DeliverableView;
import io.kiban.lifecycle.deliverable.DeliverableDtos.ReturnInput;
import io.kiban.lifecycle.support.DocumentStore;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/deliverables")
@Tag(name = "deliverables", description = "Deliverables and reports (R-LC-5, 6, 10, 11, 12, 13) with files and approval")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeliverableResource {

    private final DeliverableService service;
    private final DocumentStore store;

    public DeliverableResource(DeliverableService service, DocumentStore store) {
        this.service = service;
        this.store = store;
    }

    @GET
    @Operation(summary = "Deliverables by kind; overdue=true lists those past due and not approved",
            description = "Security compliance reports (R-LC-12) are overdue when none was approved in the last 12 months.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<List<DeliverableView>> list(@RestQuery String kind, @RestQuery Boolean overdue,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(kind(kind), overdue, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<DeliverableView> get(@RestPath long id) {
        DeliverableView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(summary = "Track another deliverable (jpo-admin); due within the contract")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<DeliverableView> create(@Valid @NotNull DeliverableInput body) {
        DeliverableView view = service.create(body);
        return Responses.created(URI.create("/deliverables/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id}/file")
    @Consumes(MediaType.WILDCARD)
    @BodyLimit(property = "kiban.deliverables.max-file", defaultValue = "200M")
    @Operation(summary = "Submit the file (streamed; stored by SHA-256, never rewritten); the vendor or jpo-admin")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public DeliverableView submit(@RestPath long id, @RestQuery String fileName,
            @RestHeader("Content-Type") String contentType, InputStream body) {
        DocumentStore.safeName(fileName);
        service.requireContractedVendor();
        DocumentStore.Stored stored = store.store(body);
        return service.submit(id, fileName, contentType, stored);
    }

    @GET
    @Path("/{id}/file")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download the current file, or an earlier one by ?sha256= (streamed, as uploaded)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<StreamingOutput> file(@RestPath long id, @RestQuery String sha256) {
        DeliverableService.FileRef ref = service.file(id, sha256);
        StreamingOutput body = out -> {
            try (InputStream in = store.open(ref.sha256())) {
                in.transferTo(out);
            }
        };
        return RestResponse.ResponseBuilder.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("X-Uploaded-Content-Type", ref.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(ref.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Digest", "sha-256=" + ref.sha256())
                .header("Content-Length", ref.size()).build();
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @Operation(summary = "Approve a submitted deliverable (jpo-admin, If-Match of the version reviewed)",
            description = "R-SEC-2: If-Match of the version reviewed (428 without, 412 stale); the account that submitted "
                    + "the file never approves it (403 naming R-SEC-2). R-LC-12: a security compliance report (別紙2) is "
                    + "approved only after the security confirmation document (確認書類, security item 1)) was approved.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<DeliverableView> approve(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        DeliverableView view = service.approve(id, ifMatch);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/return")
    @Idempotent
    @Operation(summary = "Return a submitted deliverable with a reason (jpo-admin, If-Match of the version reviewed)",
            description = "R-SEC-2: If-Match required (428/412); the submitter never returns its own deliverable (403).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<DeliverableView> giveBack(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull ReturnInput body) {
        DeliverableView view = service.giveBack(id, body.reason(), ifMatch);
        return Responses.ok(view, view.version());
    }

    @PUT
    @Path("/{id}/compliance")
    @Operation(summary = "Statuses of the security compliance report 別紙2 (R-LC-12)",
            description = "Items 2–17, 15-1…15-10 (15)①–⑩) and 16-1…16-6 (16)①–⑥), each IMPLEMENTED (実施), "
                    + "NOT_IMPLEMENTED (未実施) or NOT_APPLICABLE (該当なし); the last two need a reason in note, and "
                    + "15-10 needs details even when IMPLEMENTED; otherwise 422 naming R-LC-12.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    public List<ComplianceLine> compliance(@RestPath long id, @Valid @NotNull ComplianceInput body) {
        return service.recordCompliance(id, body.items());
    }

    @GET
    @Path("/{id}/compliance")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.AUDITOR })
    public RestResponse<List<ComplianceLine>> compliance(@RestPath long id, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.compliance(id), PageRequest.of(page, size)).toResponse(uri);
    }

    private static Deliverable.Kind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Deliverable.Kind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("kind", "unknown kind '" + value + "'");
        }
    }
}
