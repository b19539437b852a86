package io.kiban.commons.audit;

import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/audit")
@Tag(name = "Audit trail", description = "Tamper-evident record of every state change (jpo-admin, auditor)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.JPO_ADMIN, Roles.AUDITOR })
public class AuditResource {

    private final AuditRepository repository;
    private final AuditVerifier verifier;

    public AuditResource(AuditRepository repository, AuditVerifier verifier) {
        this.repository = repository;
        this.verifier = verifier;
    }

    @GET
    @Operation(summary = "Page the audit trail, newest first", description = "Filter by entityType and entityId.")
    public RestResponse<List<AuditRecord>> list(@RestQuery String entityType, @RestQuery String entityId,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return repository.page(entityType, entityId, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Recompute the chain against the last checkpoint",
            description = "valid=false names the first entry that does not match (firstBadSeq) and why.")
    public AuditVerification verify() {
        return verifier.verify();
    }
}
