package io.kiban.asset.hardware;

import io.kiban.asset.hardware.HardwareDtos.HardwareInput;
import io.kiban.asset.hardware.HardwareDtos.HardwareView;
import io.kiban.asset.hardware.HardwareDtos.MaintenanceRisk;
import io.kiban.asset.hardware.HardwareDtos.StatusChange;
import io.kiban.asset.history.HistoryDtos.RevisionView;
import io.kiban.asset.history.HistoryService;
import io.kiban.asset.support.Environment;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.asset.support.Lists;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.paging.PageRequest;
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

@Path("/hardware")
@Tag(
        name = "hardware",
        description = "Sheet 1 (ハードウェア): leased hardware, its status and maintenance deadline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HardwareResource {

    private final HardwareService service;
    private final HistoryService history;
    private final LedgerWriters writers;

    public HardwareResource(
            HardwareService service, HistoryService history, LedgerWriters writers) {
        this.service = service;
        this.history = history;
        this.writers = writers;
    }

    @GET
    @Operation(
            summary =
                    "ハードウェアの一覧 / "
                            + "List hardware, filtered by environment, status, class and baseline item",
            description =
                    "様式1（ハードウェア）の一覧。環境（environment）・状態（status）・ハードウェア区分（class）・調達基準品目で絞り込む。値は列挙値のいずれかで、それ以外は許容値を示して400となる。ページング（page, size ≤ 200, X-Total-Count, Link）。\n\n"
                            + "Sheet 1 filtered by environment, status, class (hardware class) and baseline item code; an unknown environment, status or class → 400 naming the allowed values. Paged (page, size ≤ 200, X-Total-Count, Link).")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<HardwareView>> list(
            @RestQuery Environment environment,
            @RestQuery HardwareStatus status,
            @RestQuery("class") HardwareClass hardwareClass,
            @RestQuery String baselineItem,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(
                        environment,
                        status,
                        hardwareClass,
                        baselineItem,
                        PageRequest.of(page, size))
                .toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}")
    @Operation(
            summary = "ハードウェアの参照 / " + "One hardware item (ETag = its version)",
            description =
                    "1台の機器。ETag はその版であり、更新・削除・状態変更の If-Match に用いる。\n\n"
                            + "One hardware item; its ETag is its version, to be sent as If-Match by an update, delete or status change.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<HardwareView> get(@RestPath long id) {
        HardwareView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @POST
    @Idempotent
    @Operation(
            summary =
                    "ハードウェアの登録 / "
                            + "Register a hardware item (R-AS-2 new only, R-AS-3 substitutes, serial unique)",
            description =
                    "新品のみ受け付ける（R-AS-2）。代替品は元の品目を指定する（R-AS-3）。製造番号は一意。撤去済（REMOVED）または完了（CLOSED）の環境には新たな機器を登録できない（R-RM-1/R-RM-3 を示す422。段階は lifecycle-service に照会し、回答が得られなければ503）。共用環境（SHARED）の機器（分電盤）は共用環境の段階に従う。Idempotency-Key に対応。\n\n"
                            + "An environment whose phase is REMOVED or CLOSED takes no new hardware (422 naming "
                            + "R-RM-1/R-RM-3; the phase is read from lifecycle-service, 503 when it cannot say); SHARED "
                            + "hardware (the distribution board) follows the SHARED phase. Idempotency-Key honoured.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<HardwareView> create(@Valid @NotNull HardwareInput body) {
        writers.require();
        HardwareView view = service.create(body);
        return Responses.created(URI.create("/hardware/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id: \\d+}")
    @Operation(
            summary =
                    "ハードウェアの更新 / "
                            + "Update a hardware item's descriptive fields (If-Match required)",
            description =
                    "機器の記述項目（製品名、型番、保守期限、ラック等）を更新する。If-Match 必須（なければ428、古い版なら412）。状態は状態変更の操作で変える。\n\n"
                            + "Descriptive fields only; the status changes through POST /hardware/{id}/status. If-Match required (428 without, 412 when stale).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<HardwareView> update(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull HardwareInput body) {
        writers.require();
        HardwareView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id: \\d+}")
    @Operation(
            summary =
                    "ハードウェアの削除（誤登録） / "
                            + "Delete a hardware item registered by mistake (never one that held media)",
            description =
                    "誤って登録した機器を削除する。記憶媒体を搭載したことのある機器は削除できない（媒体の証跡を残すため）。If-Match 必須。\n\n"
                            + "Only an item registered by mistake: one that ever held media stays, so that the media keep their trail. If-Match required (428/412).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        writers.require();
        service.delete(id, ifMatch);
    }

    @POST
    @Path("/{id: \\d+}/status")
    @Operation(
            summary =
                    "ハードウェアの状態変更 / "
                            + "Move the item along its lifecycle (ORDERED → DELIVERED → … → REMOVED; END_OF_USE → IN_SERVICE fallback; If-Match required)",
            description =
                    "発注済→納入済→設置済→検収済→稼働中→利用終了→撤去済の順に進める。JPO が切り戻す場合は利用終了→稼働中（R-RM-2）。If-Match 必須。\n\n"
                            + "Allowed moves: ORDERED → DELIVERED → INSTALLED → ACCEPTED → IN_SERVICE → END_OF_USE → REMOVED, and END_OF_USE → IN_SERVICE when JPO falls back to this set (R-RM-2); any other move → 409/422 naming the allowed ones. If-Match required (428/412).")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<HardwareView> changeStatus(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull StatusChange body) {
        writers.require();
        HardwareView view = service.changeStatus(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("/maintenance-risks")
    @Operation(
            summary =
                    "保守期限切れリスク（R-AS-6） / "
                            + "R-AS-6: hardware whose maintenance deadline (保守期限) ends before the lease ends",
            description =
                    "保守期限が賃貸借期間の終了前に切れる機器（R-AS-6）。賃貸借の終了日は lifecycle-service の契約（変更反映後）による。ヘッダ Kiban-Contract-As-Of・Kiban-Contract-Stale（各行の contractAsOf・contractStale）が用いた写しを示し、lifecycle-service 停止中は最後の写しを用いる。写しがなければ503。ページング。\n\n"
                            + "The lease end is lifecycle-service's contract as amended; headers Kiban-Contract-As-Of and "
                            + "Kiban-Contract-Stale (and each row's contractAsOf/contractStale) say which copy was used — the "
                            + "last one when lifecycle-service is down; 503 when there is none. Paged.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public RestResponse<List<MaintenanceRisk>> maintenanceRisks(
            @RestQuery Environment environment,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.maintenanceRisks(environment, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id: \\d+}/history")
    @Operation(
            summary =
                    "ハードウェアの変更履歴（様式10） / "
                            + "Sheet 10 (変更管理): every change of this item — who, when, which fields from what to what",
            description =
                    "様式10（変更管理）：この機器の変更の全件。誰が、いつ、どの項目を何から何に変えたか。ページング。\n\n"
                            + "Every change of this item from the audited revisions (who, when, which fields from what to what), paged (page, size ≤ 200, X-Total-Count, Link).")
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
        return Lists.page(history.history(Hardware.class, "hardware", id), page, size)
                .toResponse(uri);
    }
}
