package io.kiban.asset.support;

import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The HTTP face of a flat ledger category: paged list, read with ETag, create, update and delete
 * with If-Match, and its change history (sheet 10). Everyone with a role reads; jpo-admin and the
 * contracted vendor write. A subclass gives the path, the OpenAPI tag and its {@link LedgerCategory}.
 */
public abstract class LedgerResource<E, I, V extends LedgerView> {

    /**
     * The OpenAPI security scheme. The automatic security requirements of the OpenAPI document come
     * from {@code @RolesAllowed} of the resource class's own methods, so operations inherited from
     * this class state theirs explicitly, with the same roles.
     */
    public static final String SCHEME = "SecurityScheme";

    protected final LedgerCategory<E, I, V> category;
    protected final LedgerStore store;
    private final LedgerWriters writers;
    private final HistoryService history;

    protected LedgerResource(LedgerCategory<E, I, V> category, LedgerStore store, LedgerWriters writers,
            HistoryService history) {
        this.category = category;
        this.store = store;
        this.writers = writers;
        this.history = history;
    }

    @GET
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    @SecurityRequirement(name = SCHEME, scopes = { Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR,
            Roles.SUPPORT_VENDOR, Roles.AUDITOR, Roles.SERVICE })
    public RestResponse<List<V>> list(@RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return store.list(category, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    @SecurityRequirement(name = SCHEME, scopes = { Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR,
            Roles.SUPPORT_VENDOR, Roles.AUDITOR, Roles.SERVICE })
    public RestResponse<V> get(@RestPath long id) {
        V view = store.get(category, id);
        return Responses.ok(view, view.version());
    }

    /**
     * The POST of each category: a subclass declares it ({@code @POST @Idempotent}, roles jpo-admin and vendor)
     * and calls this, so that the OpenAPI document sees the Idempotency-Key it honours (issue 13 hole 7).
     */
    protected RestResponse<V> create(I body, UriInfo uri) {
        writers.require();
        V view = store.add(category, body);
        return Responses.created(uri.getAbsolutePathBuilder().path(String.valueOf(view.id())).build(), view,
                view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    @SecurityRequirement(name = SCHEME, scopes = { Roles.JPO_ADMIN, Roles.VENDOR })
    public RestResponse<V> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull I body) {
        writers.require();
        V view = store.update(category, id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.VENDOR })
    @SecurityRequirement(name = SCHEME, scopes = { Roles.JPO_ADMIN, Roles.VENDOR })
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        writers.require();
        remove(id, ifMatch);
    }

    /** How a record is deleted; a category with dependants checks them first. */
    protected void remove(long id, String ifMatch) {
        store.delete(category, id, ifMatch);
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(summary = "Sheet 10 (変更管理): every change of this record — who, when, which fields from what to what")
    @RolesAllowed({ Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR, Roles.SUPPORT_VENDOR, Roles.AUDITOR,
            Roles.SERVICE })
    @SecurityRequirement(name = SCHEME, scopes = { Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.VENDOR,
            Roles.SUPPORT_VENDOR, Roles.AUDITOR, Roles.SERVICE })
    public RestResponse<List<RevisionView>> history(@RestPath long id,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(history.history(category.entity(), category.type(), id), page, size).toResponse(uri);
    }
}
