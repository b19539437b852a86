package io.kiban.lifecycle.removal;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.kiban.lifecycle.support.Lists;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.BodyLimit;
import io.kiban.commons.web.Responses;
import io.kiban.lifecycle.removal.VendorCopyService.CopyInput;
import io.kiban.lifecycle.removal.VendorCopyService.CopyView;
import io.kiban.lifecycle.removal.VendorCopyService.DispositionInput;
import io.kiban.lifecycle.support.DocumentStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/vendor-copies")
@Tag(name = "vendor-copies", description = "Copies of the work's information a vendor held, returned, destroyed or "
        + "erased with evidence, confirmed by JPO (R-RM-4, security 8))")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VendorCopyResource {

    private final VendorCopyService service;
    private final DocumentStore store;

    public VendorCopyResource(VendorCopyService service, DocumentStore store) {
        this.service = service;
        this.store = store;
    }

    @GET
    @Operation(summary = "The copies (a vendor sees its own organisation's); ?status=OPEN|DISPOSED|CONFIRMED")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR })
    public RestResponse<List<CopyView>> list(@RestQuery String status, @RestQuery Integer page,
            @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.list(status(status)), PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR })
    public RestResponse<CopyView> get(@RestPath long id) {
        CopyView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(summary = "Record a copy of the work's information the vendor held (R-RM-4, security 8)): a device "
            + "brought in, a copy made outside JPO, or a lent document",
            description = "R-RM-4: every copy not confirmed by JPO blocks the removal of PRODUCTION and is listed by its "
                    + "readiness (VENDOR_COPY_NOT_CONFIRMED). The vendor records for its own organisation; jpo-admin names "
                    + "the organisation. Honours Idempotency-Key.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public RestResponse<CopyView> record(@Valid @NotNull CopyInput body) {
        CopyView view = service.record(body);
        return Responses.created(URI.create("/vendor-copies/" + view.id()), view, view.version());
    }

    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.WILDCARD)
    @Idempotent
    @BodyLimit(property = "kiban.restoration.max-file", defaultValue = "50M")
    @Operation(summary = "Add an evidence file of how the copy was returned, destroyed or erased: a photo (JPEG, PNG) or "
            + "a PDF, ?fileName= (stored by SHA-256, never rewritten; audited)",
            description = "201, or 200 when this file was already attached; 415 for another content; 422 naming R-RM-4 "
                    + "once the copy is confirmed. Honours Idempotency-Key.")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public RestResponse<CopyView> addEvidence(@RestPath long id, @RestQuery String fileName, java.nio.file.Path body) {
        service.requireOpenForEvidence(id);
        DocumentStore.safeName(fileName);
        try (InputStream in = Files.newInputStream(body)) {
            DocumentStore.Typed typed = DocumentStore.photoOrPdf(in);
            DocumentStore.Stored stored = store.store(typed.in());
            VendorCopyService.Added added = service.addEvidence(id, fileName, typed.contentType(), stored);
            if (!added.created()) {
                return Responses.ok(added.copy(), added.copy().version());
            }
            return Responses.created(URI.create("/vendor-copies/" + id + "/evidence/" + stored.sha256()), added.copy(),
                    added.copy().version());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/{id}/evidence/{sha256}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download one evidence file of a vendor copy (as uploaded; its type in X-Uploaded-Content-Type)")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR })
    public RestResponse<StreamingOutput> evidenceFile(@RestPath long id, @RestPath String sha256) {
        VendorCopyService.FileRef ref = service.evidenceFile(id, sha256);
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
                .header("Content-Length", ref.size()).build();
    }

    @POST
    @Path("/{id}/disposition")
    @Operation(summary = "Record how the copy was returned, destroyed or erased (the vendor; If-Match)",
            description = "R-RM-4: at least one evidence file first (422 naming R-RM-4 otherwise).")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR })
    public RestResponse<CopyView> dispose(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull DispositionInput body) {
        CopyView view = service.dispose(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "JPO confirms the copy's return, destruction or erasure (jpo-admin)",
            description = "R-SEC-2: If-Match of the version reviewed (428 without, 412 stale; an evidence file added "
                    + "since makes it stale); the account that recorded the copy, its disposition or an evidence file "
                    + "never confirms it (403 naming R-SEC-2). 422 naming R-RM-4 before the disposition is recorded.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<CopyView> confirm(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        CopyView view = service.confirm(id, ifMatch);
        return Responses.ok(view, view.version());
    }

    private static VendorCopy.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return VendorCopy.Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("status", "unknown status '" + value + "'");
        }
    }
}
