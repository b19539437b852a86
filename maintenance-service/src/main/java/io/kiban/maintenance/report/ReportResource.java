package io.kiban.maintenance.report;

import io.kiban.commons.paging.PageRequest;
import io.kiban.commons.security.Roles;
import io.kiban.maintenance.report.ReportService.OutstandingItem;
import io.kiban.maintenance.report.ReportService.RecordsExport;
import io.kiban.maintenance.support.Environment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/")
@Tag(
        name = "Reports",
        description =
                "Outstanding sanitization, destruction register (R-MT-3), records export (R-RM-4)")
public class ReportResource {

    public static final String XLSX =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportService service;

    public ReportResource(ReportService service) {
        this.service = service;
    }

    @GET
    @Path("/reports/outstanding-sanitization")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VENDOR, Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            summary =
                    "未了の破壊・消去の一覧 / Every data-bearing part, log medium or order medium without accepted evidence, with age and holder",
            description =
                    "受理済みの破壊・消去証跡が無いデータ記録部品、障害ログ媒体、消去命令の媒体を、経過日数と保管者とともに"
                            + "返す（R-MT-3/R-RM-3）。JPO・監査担当・サービスには、資産管理サービスで取り外し済みなのに保管の連鎖に入って"
                            + "いないデータ記録媒体（REMOVED_WITHOUT_CUSTODY）も挙げる。environment（PRODUCTION 本番環境、STAGING 検証環境、"
                            + "SHARED 共用環境）で絞り込め、撤去判定が使う。定義外の値は指定できる値を示して 400。資産管理サービスが応答"
                            + "しなければ 503。ページ単位（page、size は最大 200、既定 50。X-Total-Count、Link）で、すべてを必要とする"
                            + "呼出し側は全ページを読む。\n\n"
                            + "R-MT-3/R-RM-3: also every data-bearing medium asset-service shows as removed that never entered"
                            + " custody here (reason REMOVED_WITHOUT_CUSTODY; shown to JPO, auditors and services). ?environment="
                            + " limits the list to PRODUCTION, STAGING or SHARED (lifecycle's removal gate). Each entry names its"
                            + " reason. 503 when asset-service cannot answer. #15 item 10: paged like every list (page, size ≤"
                            + " 200, default 50; X-Total-Count, Link) — a caller that must see every entry (lifecycle's removal"
                            + " gate) reads every page; computed from both sources in a stable order (tracked media by"
                            + " createdAt and id, then media removed without custody by serial) and sliced.")
    public RestResponse<List<OutstandingItem>> outstanding(
            @RestQuery Environment environment,
            @RestQuery Integer page,
            @RestQuery Integer size,
            @Context UriInfo uri) {
        return service.outstanding(environment, PageRequest.of(page, size)).toResponse(uri);
    }

    @GET
    @Path("/reports/destruction-register.xlsx")
    @Produces(XLSX)
    @RolesAllowed({Roles.JPO_ADMIN, Roles.JPO_STAFF, Roles.AUDITOR, Roles.SERVICE})
    @Operation(
            summary =
                    "破壊・消去記録簿のダウンロード / The destruction register for JPO (破壊・消去記録簿): Japanese headings, Reiwa dates",
            description =
                    "受理済みの破壊・消去証跡を 1 件 1 行にした Excel（xlsx）。見出し、媒体種別、消去・破壊方法、証明書"
                            + "発行者、環境は日本語（本番環境、検証環境、共用環境）、日付は和暦の日付セル、証跡ファイルの SHA-256 を載せる"
                            + "（R-MT-3）。利用者が入力した文字列は文字列セルとし、数式に見えるものは先頭に引用符を付ける。\n\n"
                            + "R-MT-3: one row per accepted certificate. Headings, medium kinds, methods, techniques, issuers and"
                            + " environments are written in Japanese (PRODUCTION as 本番環境), dates as Reiwa date cells"
                            + " (ReiwaDates.EXCEL_FORMAT), with the SHA-256 of each evidence file. Text from user data is a string"
                            + " cell, quote-prefixed when it looks like a formula (OWASP CSV injection).")
    public RestResponse<StreamingOutput> register() {
        StreamingOutput body = service::writeRegister;
        return io.kiban.commons.web.Downloads.attachment(
                        body, XLSX, "破壊・消去記録簿.xlsx", "destruction-register.xlsx")
                .build();
    }

    @GET
    @Path("/exports/records.json")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SERVICE, Roles.JPO_ADMIN})
    @Operation(
            summary =
                    "全記録の出力 / Every record of this service, for the archive handed back to JPO (R-RM-4)",
            description =
                    "撤去前に JPO へ引き渡すアーカイブ（R-RM-4）のため、このサービスの全記録（チケット、状態遷移、部品交換、"
                            + "保管中の媒体と保管の連鎖、証跡とファイルの SHA-256、産業廃棄物処理業者、消去命令）を JSON で返す。\n\n"
                            + "R-RM-4: every record of this service (tickets, transitions, replacements, custody items and events,"
                            + " evidence with the SHA-256 of its files, contractors, sanitization orders) as JSON, for the archive"
                            + " handed back to JPO before removal.")
    public RecordsExport export() {
        return service.export();
    }
}
