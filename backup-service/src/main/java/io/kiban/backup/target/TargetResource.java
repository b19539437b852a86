package io.kiban.backup.target;

import io.kiban.backup.target.TargetDtos.TargetInput;
import io.kiban.backup.target.TargetDtos.TargetStatus;
import io.kiban.backup.target.TargetDtos.TargetView;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/targets")
@Tag(
        name = "Targets",
        description = "What is backed up on the Kubernetes and virtualization arrays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TargetResource {

    /**
     * A real target: the AI-OCR namespace of production on the Kubernetes array (asset-service
     * hardware 12).
     */
    static final String CREATE_EXAMPLE =
            "{\"array\": \"K8S_ARRAY\", \"arrayHardwareId\": \"12\", "
                    + "\"environment\": \"PRODUCTION\", \"kind\": \"NAMESPACE\", \"name\": \"ai-ocr-production\", "
                    + "\"pvcSelector\": \"app=ai-ocr\", \"description\": \"AI-OCR 本番環境の namespace（OCR 結果を保存する PVC）\"}";

    /** The same target, its PVC selector narrowed to the result volumes by jpo-admin. */
    static final String UPDATE_EXAMPLE =
            "{\"array\": \"K8S_ARRAY\", \"arrayHardwareId\": \"12\", "
                    + "\"environment\": \"PRODUCTION\", \"kind\": \"NAMESPACE\", \"name\": \"ai-ocr-production\", "
                    + "\"pvcSelector\": \"app=ai-ocr,tier=results\", "
                    + "\"description\": \"AI-OCR 本番環境の namespace（OCR 結果の PVC のみ。作業用 PVC は対象外）\"}";

    private final TargetService service;

    public TargetResource(TargetService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "バックアップ対象の一覧 / List targets, optionally by array and environment",
            description =
                    "バックアップ対象をID順にページ単位で返す（page、size は200まで、既定50。X-Total-Count、Link）。"
                            + "ディスクアレイ（array）と環境（environment: PRODUCTION 本番環境、STAGING 検証環境）で絞り込める。"
                            + "一覧にない値は400で、使える値を示す。\n\n"
                            + "Targets in id order, paged (page, size ≤ 200, default 50; X-Total-Count, Link); optionally by "
                            + "array and environment (PRODUCTION or STAGING). A value that is not one of these answers 400 "
                            + "naming the allowed values.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public RestResponse<List<TargetView>> list(
            @RestQuery BackupTarget.ArrayKind array,
            @RestQuery BackupTarget.Environment environment,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.list(array, environment, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "バックアップ対象の参照 / One target (ETag)",
            description =
                    "バックアップ対象を一件返す。変更・削除の If-Match に使う版を ETag に載せる。\n\n"
                            + "One target, with its version as ETag for the If-Match of a change or removal.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public RestResponse<TargetView> get(@RestPath long id) {
        TargetView view = service.get(id);
        return Responses.ok(view, view.version());
    }

    @GET
    @Path("/{id}/status")
    @Operation(
            summary = "バックアップ対象の取得状況 / R-BK-3: last successful backup, missed and failed runs, RPO",
            description =
                    "R-BK-3: 対象ごとに、最後に成功したバックアップ、最後の実行、未実行（MISSED）と失敗の回数、RPO"
                            + "（スケジュール間隔の1.5倍）とその超過の有無を返す。スケジューラ停止中に実行されなかった分も未実行に数える。\n\n"
                            + "R-BK-3: per target, the last successful backup, the last run, the counts of missed and failed runs, "
                            + "the RPO (1.5 × the schedule's interval) and whether it is breached; fire times passed while the "
                            + "scheduler was down count as missed.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public TargetStatus status(@RestPath long id) {
        return service.status(id);
    }

    @POST
    @Idempotent
    @Operation(
            summary = "バックアップ対象の登録 / Register a target",
            description =
                    "R-BK-1: バックアップの対象（Kubernetes アレイの namespace・ボリューム、仮想化基盤アレイの VM 等）を"
                            + "登録する。ディスクアレイ（array）とその資産台帳上のハードウェアID、環境（PRODUCTION 本番環境 / STAGING 検証"
                            + "環境）、種類（kind）、名称を指定する。jpo-admin、ベンダ、サポートベンダが登録できる（SEC-BK-3: 提案は"
                            + "ベンダ、変更・削除は jpo-admin のみ）。同じ環境・アレイ・種類・名称の対象は二重に登録できない。\n\n"
                            + "R-BK-1: registers what is backed up on the Kubernetes array (namespace, volume, database) or the "
                            + "virtualization array (VM): the array, its hardware id in asset-service, the environment "
                            + "(PRODUCTION or STAGING), the kind and the name. jpo-admin, vendors and support-vendor may register "
                            + "(SEC-BK-3: vendors propose, only jpo-admin changes or removes); the same environment, array, kind "
                            + "and name cannot be registered twice.")
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR, Roles.SUPPORT_VENDOR})
    public RestResponse<TargetView> create(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "AI-OCR 本番 namespace",
                                                            value = CREATE_EXAMPLE)))
                    @Valid
                    @NotNull
                    TargetInput body) {
        TargetView view = service.create(body);
        return Responses.created(URI.create("/targets/" + view.id()), view, view.version());
    }

    @PUT
    @Path("/{id}")
    @Operation(
            summary = "バックアップ対象の変更（jpo-admin のみ） / Change a target (If-Match): jpo-admin only",
            description =
                    "SEC-BK-3: 対象の付け替えはバックアップを弱め得るため、jpo-admin だけが変更できる。参照時の ETag を "
                            + "If-Match に付ける（無ければ428、古ければ412）。\n\n"
                            + "SEC-BK-3: retargeting a backup can weaken it, so only jpo-admin may. Send the ETag read as "
                            + "If-Match (428 without it, 412 when stale).")
    @RolesAllowed({Roles.JPO_ADMIN})
    public RestResponse<TargetView> update(
            @RestPath long id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "PVC の絞り込み",
                                                            value = UPDATE_EXAMPLE)))
                    @Valid
                    @NotNull
                    TargetInput body) {
        TargetView view = service.update(id, ifMatch, body);
        return Responses.ok(view, view.version());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary =
                    "バックアップ対象の削除（jpo-admin のみ） / Remove a target no policy covers and no run refers to "
                            + "(If-Match): jpo-admin only",
            description =
                    "SEC-BK-3: 対象の削除はバックアップを弱めるため、jpo-admin だけが行える。どの方針にも含まれず、"
                            + "実行記録も無い対象に限る。If-Match が必要（無ければ428、古ければ412）。\n\n"
                            + "SEC-BK-3: deleting targets weakens the backups, so only jpo-admin may; only a target no policy "
                            + "covers and no run refers to. If-Match is required (428 without it, 412 when stale).")
    @RolesAllowed({Roles.JPO_ADMIN})
    public void delete(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
