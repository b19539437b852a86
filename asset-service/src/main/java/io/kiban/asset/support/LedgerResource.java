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
 * contracted vendor write. A subclass gives the path, the OpenAPI tag and its {@link
 * LedgerCategory}.
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

    protected LedgerResource(
            LedgerCategory<E, I, V> category,
            LedgerStore store,
            LedgerWriters writers,
            HistoryService history) {
        this.category = category;
        this.store = store;
        this.writers = writers;
        this.history = history;
    }

    @GET
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    @SecurityRequirement(
            name = SCHEME,
            scopes = {
                Roles.JPO_ADMIN,
                Roles.JPO_STAFF,
                Roles.VENDOR,
                Roles.SUPPORT_VENDOR,
                Roles.AUDITOR,
                Roles.SERVICE
            })
    @Operation(
            summary = "台帳シートの一覧 / List the records of this sheet",
            description =
                    "このシートの記録の一覧。ロールを持つ全利用者が参照できる。ページング。\n\n"
                            + "Every role reads the sheet; paged (page, size ≤ 200, X-Total-Count, Link).")
    public RestResponse<List<V>> list(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return store.list(category, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    @SecurityRequirement(
            name = SCHEME,
            scopes = {
                Roles.JPO_ADMIN,
                Roles.JPO_STAFF,
                Roles.VENDOR,
                Roles.SUPPORT_VENDOR,
                Roles.AUDITOR,
                Roles.SERVICE
            })
    @Operation(
            summary = "台帳シートの記録の参照 / One record of this sheet (ETag = its version)",
            description =
                    "1件の記録。ETag はその版であり、更新・削除の If-Match に用いる。\n\n"
                            + "One record; its ETag is its version, to be sent as If-Match by an update or delete.")
    public RestResponse<V> get(@RestPath long id) {
        V view = store.get(category, id);
        return Responses.ok(view, view.version());
    }

    /**
     * The POST of each category: a subclass declares it ({@code @POST @Idempotent}, roles jpo-admin
     * and vendor) and calls this, so that the OpenAPI document sees the Idempotency-Key it honours
     * (issue 13 hole 7).
     */
    protected RestResponse<V> create(I body, UriInfo uri) {
        writers.require();
        V view = store.add(category, body);
        return Responses.created(
                uri.getAbsolutePathBuilder().path(String.valueOf(view.id())).build(),
                view,
                view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    @SecurityRequirement(
            name = SCHEME,
            scopes = {Roles.JPO_ADMIN, Roles.VENDOR})
    @Operation(
            summary =
                    "台帳シートの記録の更新 / Update a record of this sheet (jpo-admin, the contracted vendor; If-Match required)",
            description =
                    "記録を更新する（jpo-admin、契約ベンダ）。If-Match 必須（なければ428、古い版なら412）。\n\n"
                            + "jpo-admin and the contracted vendor. If-Match required (428 without, 412 when stale).")
    public RestResponse<V> update(
            @RestPath long id, @RestHeader("If-Match") String ifMatch, @Valid @NotNull I body) {
        writers.require();
        V view = store.update(category, id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    @SecurityRequirement(
            name = SCHEME,
            scopes = {Roles.JPO_ADMIN, Roles.VENDOR})
    @Operation(
            summary =
                    "台帳シートの記録の削除 / Delete a record of this sheet (jpo-admin, the contracted vendor; If-Match required)",
            description =
                    "記録を削除する（jpo-admin、契約ベンダ）。変更履歴には残る。If-Match 必須（428/412）。\n\n"
                            + "jpo-admin and the contracted vendor; the change history keeps the record. If-Match required (428/412); a facility with racks → 409.")
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
    @Operation(
            summary =
                    "台帳シートの記録の変更履歴（様式10） / "
                            + "Sheet 10 (変更管理): every change of this record — who, when, which fields from what to what",
            description =
                    "様式10（変更管理）：この記録の変更の全件。誰が、いつ、どの項目を何から何に変えたか。ページング。\n\n"
                            + "Every change of this record from the audited revisions, paged (page, size ≤ 200, X-Total-Count, Link).")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    @SecurityRequirement(
            name = SCHEME,
            scopes = {
                Roles.JPO_ADMIN,
                Roles.JPO_STAFF,
                Roles.VENDOR,
                Roles.SUPPORT_VENDOR,
                Roles.AUDITOR,
                Roles.SERVICE
            })
    public RestResponse<List<RevisionView>> history(
            @RestPath long id,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(history.history(category.entity(), category.type(), id), page, size)
                .toResponse(uri);
    }
}
