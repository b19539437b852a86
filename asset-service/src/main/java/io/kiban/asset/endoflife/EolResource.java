package io.kiban.asset.endoflife;

import io.kiban.asset.endoflife.EolService.MappingInput;
import io.kiban.asset.endoflife.EolService.MappingView;
import io.kiban.asset.support.Lists;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/eol-mappings")
@Tag(
        name = "endoflife",
        description = "endoflife.date release data and the product mapping (R-AS-4 deadlines)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EolResource {

    private final EolService service;

    public EolResource(EolService service) {
        this.service = service;
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
    @Operation(
            summary =
                    "EOL対応表の一覧 / List the mappings of installed software to endoflife.date products",
            description =
                    "導入済みソフトウェア（purl・CPE の前方一致または製品名）と endoflife.date の製品の対応表。ページング。\n\n"
                            + "Each mapping (purl prefix, CPE prefix or name → endoflife.date product and cycle format) used by POST /imports/endoflife to set support deadlines (R-AS-4); paged.")
    public RestResponse<List<MappingView>> mappings(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return Lists.page(service.mappings(), page, size).toResponse(uri);
    }

    @POST
    @Idempotent
    @Operation(
            summary =
                    "EOL対応表の追加（jpo-admin） / "
                            + "Map installed software (purl/CPE prefix or name) to an endoflife.date product (jpo-admin)",
            description =
                    "導入済みソフトウェアを endoflife.date の製品に対応付ける（R-AS-4 のサポート期限に用いる）。jpo-admin のみ。Idempotency-Key に対応。\n\n"
                            + "jpo-admin only; the mapping decides which software an endoflife.date import updates (R-AS-4). Idempotency-Key honoured.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<MappingView> create(@Valid @NotNull MappingInput body) {
        MappingView view = service.createMapping(body);
        return Responses.created(URI.create("/eol-mappings/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(
            summary = "EOL対応表の変更（jpo-admin） / Change a mapping (jpo-admin, If-Match)",
            description =
                    "対応表を変更する。jpo-admin のみ。If-Match 必須（428/412）。\n\n"
                            + "jpo-admin only. If-Match required (428 without, 412 when stale).")
    public RestResponse<MappingView> update(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull MappingInput body) {
        MappingView view = service.updateMapping(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(
            summary = "EOL対応表の削除（jpo-admin） / Delete a mapping (jpo-admin, If-Match)",
            description =
                    "対応表を削除する。jpo-admin のみ。If-Match 必須（428/412）。\n\n"
                            + "jpo-admin only; support deadlines already set stay. If-Match required (428/412).")
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.deleteMapping(id, ifMatch);
    }
}
