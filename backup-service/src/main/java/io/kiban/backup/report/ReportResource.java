package io.kiban.backup.report;

import io.kiban.backup.drill.DrillDtos.DrillReportLine;
import io.kiban.backup.drill.DrillService;
import io.kiban.backup.report.ReportDtos.BackupCopy;
import io.kiban.backup.report.ReportDtos.CopyEnvironment;
import io.kiban.backup.report.ReportDtos.Records;
import io.kiban.backup.target.BackupTarget;
import io.kiban.backup.target.TargetDtos.TargetStatus;
import io.kiban.backup.target.TargetService;
import io.kiban.commons.paging.Page;
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

@Path("/")
@Tag(
        name = "Reports",
        description = "Freshness, restore drills, backup copies and the archive export")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final TargetService targets;
    private final DrillService drills;
    private final ReportService reports;

    public ReportResource(TargetService targets, DrillService drills, ReportService reports) {
        this.targets = targets;
        this.drills = drills;
        this.reports = reports;
    }

    @GET
    @Path("reports/rpo")
    @Operation(
            summary =
                    "RPO 超過の対象 / R-BK-3: targets whose last successful backup is older than 1.5 × their "
                            + "interval",
            description =
                    "R-BK-3: 最後に成功したバックアップがスケジュール間隔の1.5倍より古い対象を、対象ID順にページ単位で返す"
                            + "（page、size は200まで、既定50。X-Total-Count、Link）。ディスクアレイ（array）、環境（environment: "
                            + "PRODUCTION 本番環境 / STAGING 検証環境）、アレイのハードウェアID（arrayHardwareId）で絞り込める。該当する"
                            + "全対象を同じ時点で評価してからページに切り出す。\n\n"
                            + "R-BK-3: paged (page, size ≤ 200, default 50; X-Total-Count, Link), in target-id order; "
                            + "optionally by array, environment and arrayHardwareId. Computed for every matching target at one "
                            + "instant, then sliced.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public RestResponse<List<TargetStatus>> rpo(
            @RestQuery BackupTarget.ArrayKind array,
            @RestQuery BackupTarget.Environment environment,
            @RestQuery String arrayHardwareId,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return targets.rpoBreaches(array, environment, arrayHardwareId, PageRequest.of(page, size))
                .toResponse(uri);
    }

    @GET
    @Path("reports/restore-drills")
    @Operation(
            summary =
                    "対象ごとのリストア訓練状況 / R-BK-4: per target, the last successful restore drill and its age",
            description =
                    "R-BK-4: 対象ごとに一行、最後に成功したリストア訓練とその経過日数を対象ID順にページ単位で返す（page、"
                            + "size は200まで、既定50。X-Total-Count、Link）。ディスクアレイ（array）、環境（environment: PRODUCTION "
                            + "本番環境 / STAGING 検証環境）、アレイのハードウェアID（arrayHardwareId）で絞り込める。\n\n"
                            + "R-BK-4: one line per target, paged in target-id order (page, size ≤ 200, default 50; "
                            + "X-Total-Count, Link); optionally by array, environment and arrayHardwareId.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public RestResponse<List<DrillReportLine>> restoreDrills(
            @RestQuery BackupTarget.ArrayKind array,
            @RestQuery BackupTarget.Environment environment,
            @RestQuery String arrayHardwareId,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return drills.report(array, environment, arrayHardwareId, PageRequest.of(page, size))
                .toResponse(uri);
    }

    @GET
    @Path("reports/backup-copies")
    @Operation(
            summary =
                    "アレイ上に残るバックアップ複製 / R-BK-5: every backup copy still held on the arrays, with "
                            + "whether it is accounted for",
            description =
                    "R-BK-5、R-RM-1: 撤去に向けて、ディスクアレイ上にまだ残っているバックアップ複製をすべて、処理済みか"
                            + "（accountedFor: 世代削除済み、又はアレイの全媒体の破壊証跡を特許庁が受理済み）とともに、"
                            + "（対象ID、実行ID）順にページ単位で返す（page、size は200まで、既定50。X-Total-Count、Link）。全件を確かめる利用者は全ページを読む。ディスクアレイ（array）、環境"
                            + "（environment: PRODUCTION 本番環境、STAGING 検証環境、SHARED 共用環境）、アレイのハードウェアID"
                            + "（arrayHardwareId）で絞り込める。共用環境（分電盤）はバックアップを持たないため空の一覧を返す。それ以外の"
                            + "環境名は400で、使える値を示す。\n\n"
                            + "R-BK-5: paged in (target id, run id) order (page, size ≤ 200, default 50; X-Total-Count, "
                            + "Link) — a caller that must see every copy reads every page; optionally by array, environment "
                            + "and arrayHardwareId. environment PRODUCTION, STAGING or SHARED; the SHARED environment (the "
                            + "distribution board) holds no backups, so it answers an empty list (R-BK-5, R-RM-1 removal "
                            + "readiness). Any other environment answers 400 naming the allowed values.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.AUDITOR,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.SERVICE
    })
    public RestResponse<List<BackupCopy>> backupCopies(
            @RestQuery BackupTarget.ArrayKind array,
            @RestQuery CopyEnvironment environment,
            @RestQuery String arrayHardwareId,
            @RestQuery boolean includePruned,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, size);
        if (environment == CopyEnvironment.SHARED) {
            return new Page<BackupCopy>(List.of(), 0, request).toResponse(uri);
        }
        BackupTarget.Environment env =
                environment == null ? null : environment.targets().orElseThrow();
        return reports.copies(array, env, arrayHardwareId, includePruned, request).toResponse(uri);
    }

    @GET
    @Path("exports/records.json")
    @Operation(
            summary =
                    "引継ぎ用の記録一式 / R-RM-4: targets, policies, the run ledger and restore drills, for the "
                            + "archive",
            description =
                    "R-RM-4: 撤去時の引継ぎ・保存のため、バックアップ対象、方針、実行台帳、リストア訓練の記録を一つの JSON "
                            + "にまとめて返す（ページ分割しない）。lifecycle-service と jpo-admin が取得できる。\n\n"
                            + "R-RM-4: the targets, policies, run ledger and restore drills in one JSON object for the archive "
                            + "handed over at removal (not paged); for lifecycle-service and jpo-admin.")
    @RolesAllowed({Roles.SERVICE, Roles.JPO_ADMIN})
    public Records records() {
        return reports.records();
    }
}
