package io.kiban.asset.export;

import io.kiban.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/exports")
@Tag(
        name = "exports",
        description =
                "The standard sheet (情報資産管理標準シート) as Excel, CSV per category, records for the archive")
public class ExportResource {

    public static final String XLSX =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StandardSheetService sheet;
    private final ExportService exports;
    private final Clock clock;

    public ExportResource(StandardSheetService sheet, ExportService exports, Clock clock) {
        this.sheet = sheet;
        this.exports = exports;
        this.clock = clock;
    }

    @GET
    @Path("/standard-sheet.xlsx")
    @Produces(XLSX)
    @Operation(
            summary =
                    "情報資産管理標準シートの出力（xlsx） / "
                            + "The standard sheet: twelve sheets, Japanese headings, Reiwa date cells",
            description =
                    "情報資産管理標準シート（12シート、日本語見出し、日付は令和表記）。列挙値は日本語で書く（本番環境、稼働中 等）。同じ形式で一括取込みに戻せる。\n\n"
                            + "Twelve sheets in the order of §4.4 with Japanese headings and Reiwa date cells; enum values are written as their Japanese words (PRODUCTION → 本番環境, IN_SERVICE → 稼働中), which the bulk import reads back.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public Response standardSheet() {
        StreamingOutput body = sheet::write;
        String name = "standard-sheet-" + LocalDate.now(clock) + ".xlsx";
        return io.kiban.commons.web.Downloads.attachment(
                        body, XLSX, "情報資産管理標準シート-" + LocalDate.now(clock) + ".xlsx", name)
                .build()
                .toResponse();
    }

    @GET
    @Path("/{category}.csv")
    @Produces("text/csv")
    @Operation(
            summary =
                    "区分ごとの CSV 出力 / "
                            + "One category as CSV (UTF-8 with BOM, for Excel): the twelve sheets (hardware, software, lines, "
                            + "external-services, facilities, public-domains, handled-information, security-requirements, kpis, "
                            + "change-history, work-records, schedule) with the sheet's headings after an id column, and media, "
                            + "baseline, findings; 404 for any other",
            description =
                    "1区分の CSV（UTF-8 BOM 付き、Excel 用）。12シート（hardware、software、lines 等）はシートの見出しの前に id 列を付ける。media、baseline、findings も出力できる。それ以外は404。CSV は機械処理用のため列挙値は定数のまま書く。\n\n"
                            + "Enum values are written as their constants (PRODUCTION, IN_SERVICE): the CSV is for machines and for POST /imports/standard-sheet/{category}.csv; the xlsx has the Japanese words.")
    @RolesAllowed({
        Roles.JPO_ADMIN,
        Roles.JPO_STAFF,
        Roles.VENDOR,
        Roles.SUPPORT_VENDOR,
        Roles.AUDITOR,
        Roles.SERVICE
    })
    public Response csv(@RestPath String category) {
        ExportService.requireCategory(category);
        StreamingOutput body = out -> exports.csv(category, out);
        return io.kiban.commons.web.Downloads.attachment(
                        body, "text/csv; charset=UTF-8", category + ".csv", category + ".csv")
                .build()
                .toResponse();
    }

    @GET
    @Path("/records.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "全記録の出力（R-RM-4） / "
                            + "R-RM-4: every record of this service, as the API views, for the archive handed to JPO",
            description =
                    "撤去時に JPO へ引き渡すアーカイブ用に、本サービスの全記録を API の表現で出力する（R-RM-4）。\n\n"
                            + "R-RM-4: one JSON document with every record of asset-service (hardware, media, software, baseline, findings, advisories, mappings and the flat sheets) as the API shows them, streamed.")
    @RolesAllowed({Roles.SERVICE, Roles.JPO_ADMIN})
    public Response records() {
        StreamingOutput body = exports::records;
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
