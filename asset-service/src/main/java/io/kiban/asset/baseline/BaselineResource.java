package io.kiban.asset.baseline;

import io.kiban.asset.baseline.BaselineDtos.BaselineInput;
import io.kiban.asset.baseline.BaselineDtos.BaselineView;
import io.kiban.asset.baseline.BaselineDtos.Conformance;
import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import io.kiban.asset.support.Environment;
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

@Path("/baseline")
@Tag(
        name = "baseline",
        description = "R-AS-1: the procurement baseline (tables 4.5-2/4.5-3) and conformance to it")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BaselineResource {

    private final HistoryService history;
    private final BaselineService service;

    public BaselineResource(BaselineService service, HistoryService history) {
        this.history = history;
        this.service = service;
    }

    @GET
    @Operation(
            summary =
                    "調達基準の一覧 / "
                            + "Baseline lines; with environment, that environment's lines and the SHARED ones",
            description =
                    "調達基準（表4.5-2/4.5-3）の品目。environment を指定するとその環境の品目と共用環境の品目。列挙値以外は許容値を示して400。ページング。\n\n"
                            + "The procurement baseline lines (tables 4.5-2/4.5-3); with environment, that environment's lines and the SHARED ones; an unknown environment → 400 naming the allowed values. Paged.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<BaselineView>> list(
            @RestQuery Environment environment,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(service.list(environment), page, size).toResponse(uri);
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
    @Operation(
            summary = "調達基準の参照 / One baseline line (ETag = its version)",
            description =
                    "調達基準の1品目。ETag はその版。\n\n"
                            + "One baseline line (item code, hardware class, environment, required quantity); its ETag is its version.")
    public RestResponse<BaselineView> get(@RestPath long id) {
        BaselineView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(
            summary = "調達基準の追加（jpo-admin） / " + "Add a baseline line (jpo-admin)",
            description =
                    "調達基準に品目を追加する（品目コード、ハードウェア区分、環境、必要数）。jpo-admin のみ。Idempotency-Key に対応。\n\n"
                            + "jpo-admin only; the item code is unique per environment (409 otherwise). Idempotency-Key honoured.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<BaselineView> create(@Valid @NotNull BaselineInput body) {
        BaselineView view = service.create(body);
        return Responses.created(URI.create("/baseline/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @Operation(
            summary = "調達基準の変更（jpo-admin） / " + "Change a baseline line (jpo-admin, If-Match)",
            description =
                    "調達基準の品目を変更する。jpo-admin のみ。If-Match 必須（428/412）。\n\n"
                            + "jpo-admin only. If-Match required (428 without, 412 when stale).")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<BaselineView> update(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull BaselineInput body) {
        BaselineView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(
            summary = "調達基準の削除（jpo-admin） / Delete a baseline line (jpo-admin, If-Match)",
            description =
                    "調達基準の品目を削除する。jpo-admin のみ。If-Match 必須（428/412）。\n\n"
                            + "jpo-admin only; the change history keeps the line. If-Match required (428/412).")
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @GET
    @Path("/conformance")
    @Operation(
            summary =
                    "調達基準との適合（R-AS-1） / "
                            + "R-AS-1: per baseline line required, registered, delivered, missing, surplus, undelivered",
            description =
                    "調達基準の品目ごとに、必要数・登録数・納入数・不足・超過・未納入を示す（R-AS-1）。\n\n"
                            + "R-AS-1: for each baseline line, the required quantity against the hardware registered and delivered with that item code; missing, surplus and undelivered are listed. An unknown environment → 400 naming the allowed values.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public Conformance conformance(@RestQuery Environment environment) {
        return service.conformance(environment);
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(
            summary =
                    "調達基準の変更履歴（様式10） / "
                            + "Sheet 10 (変更管理): every change of this baseline line — who, when, which fields from what to what",
            description =
                    "様式10（変更管理）：この品目の変更の全件。ページング。\n\n"
                            + "Every change of this baseline line from the audited revisions, paged.")
    @RolesAllowed({
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
        return Lists.page(history.history(BaselineLine.class, "baseline line", id), page, size)
                .toResponse(uri);
    }
}
