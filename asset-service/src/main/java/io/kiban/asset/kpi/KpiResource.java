package io.kiban.asset.kpi;

import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import io.kiban.asset.kpi.KpiDtos.KpiInput;
import io.kiban.asset.kpi.KpiDtos.KpiView;
import io.kiban.asset.kpi.KpiDtos.MeasurementInput;
import io.kiban.asset.kpi.KpiDtos.MeasurementView;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.asset.support.Lists;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Caller;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/kpis")
@Tag(
        name = "kpis",
        description = "Sheet 9 (指標): KPIs with planned values and measurements over time")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KpiResource {

    private final HistoryService history;
    private final KpiService service;
    private final LedgerWriters writers;
    private final Caller caller;

    public KpiResource(
            KpiService service, LedgerWriters writers, Caller caller, HistoryService history) {
        this.history = history;
        this.service = service;
        this.writers = writers;
        this.caller = caller;
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
            summary = "指標の一覧（様式9） / List KPIs (sheet 9)",
            description =
                    "様式9（指標）の一覧。ページング。\n\n"
                            + "The KPIs of sheet 9 (name, class, planned value, unit), paged (page, size ≤ 200, X-Total-Count, Link).")
    public RestResponse<List<KpiView>> list(
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        return service.list(PageRequest.of(page, size)).toResponse(uri);
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
            summary = "指標の参照 / One KPI (ETag = its version)",
            description =
                    "1件の指標。ETag はその版。\n\n"
                            + "One KPI; its ETag is its version, to be sent as If-Match by an update or delete.")
    public RestResponse<KpiView> get(@RestPath long id) {
        KpiView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(
            summary = "指標の定義（jpo-admin） / " + "Define a KPI (jpo-admin)",
            description =
                    "指標（名称、区分、計画値、単位）を定義する。jpo-admin のみ。Idempotency-Key に対応。\n\n"
                            + "jpo-admin only; the measured values are recorded with POST /kpis/{id}/measurements. Idempotency-Key honoured.")
    @RolesAllowed(Roles.JPO_ADMIN)
    public RestResponse<KpiView> create(@Valid @NotNull KpiInput body) {
        KpiView view = service.add(body);
        return Responses.created(URI.create("/kpis/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(
            summary = "指標の変更（jpo-admin） / Change a KPI (jpo-admin, If-Match)",
            description =
                    "指標を変更する。jpo-admin のみ。If-Match 必須（428/412）。\n\n"
                            + "jpo-admin only. If-Match required (428 without, 412 when stale).")
    public RestResponse<KpiView> update(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull KpiInput body) {
        KpiView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed(Roles.JPO_ADMIN)
    @Operation(
            summary = "指標の削除（jpo-admin） / Delete a KPI (jpo-admin, If-Match)",
            description =
                    "指標を削除する。jpo-admin のみ。If-Match 必須（428/412）。\n\n"
                            + "jpo-admin only; the change history keeps it. If-Match required (428/412).")
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Idempotent
    @Path("/{id: \\d+}/measurements")
    @Operation(
            summary =
                    "指標の実績値の記録 / "
                            + "Record a measured value (jpo-admin, the contracted vendor, or a service)",
            description =
                    "計測した実績値を記録する（jpo-admin、契約ベンダ、サービス）。資源の実績は次期更改の検討に用いる。Idempotency-Key に対応。\n\n"
                            + "jpo-admin, the contracted vendor or a service records a value measured at measuredAt; the resource figures feed the next renewal. Idempotency-Key honoured.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SERVICE})
    public RestResponse<MeasurementView> measure(
            @RestPath long id, @Valid @NotNull MeasurementInput body) {
        if (!caller.hasRole(Roles.SERVICE)) {
            writers.require();
        }
        MeasurementView view = service.measure(id, body);
        return Responses.created(URI.create("/kpis/" + id + "/measurements"), view);
    }

    @GET
    @Path("/{id: \\d+}/measurements")
    @Operation(
            summary = "指標の実績値の推移 / " + "The series of measured values in [from, to)",
            description =
                    "期間 [from, to) の実績値の推移。ページング。\n\n"
                            + "The measured values of this KPI in [from, to), oldest first, paged.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<MeasurementView>> series(
            @RestPath long id,
            @RestQuery Instant from,
            @RestQuery Instant to,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return Lists.page(service.series(id, from, to), page, size).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(
            summary =
                    "指標の変更履歴（様式10） / "
                            + "Sheet 10 (変更管理): every change of this KPI — who, when, which fields from what to what",
            description =
                    "様式10（変更管理）：この指標の変更の全件。ページング。\n\n"
                            + "Every change of this KPI from the audited revisions, paged.")
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
        return Lists.page(history.history(Kpi.class, "KPI", id), page, size).toResponse(uri);
    }
}
