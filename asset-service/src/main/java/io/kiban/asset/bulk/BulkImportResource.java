package io.kiban.asset.bulk;

import io.kiban.asset.bulk.BulkDtos.BulkProblem;
import io.kiban.asset.bulk.BulkDtos.BulkReport;
import io.kiban.asset.export.ExportResource;
import io.kiban.asset.export.StandardSheetService;
import io.kiban.asset.export.StandardSheetService.SheetDef;
import io.kiban.asset.support.LedgerWriters;
import io.kiban.commons.idempotency.Idempotent;
import io.kiban.commons.problem.Problem;
import io.kiban.commons.problem.ProblemException;
import io.kiban.commons.problem.ProblemType;
import io.kiban.commons.security.Roles;
import io.kiban.commons.web.BodyLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.File;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The vendor's spreadsheets (issue 18): sheets 1 and 2 of the standard sheet back into the ledger.
 */
@Path("/imports/standard-sheet")
@Tag(
        name = "imports",
        description =
                "Offline imports: CycloneDX SBOM, OSV advisories, endoflife.date release data, "
                        + "the standard sheet's hardware and software")
@Produces(MediaType.APPLICATION_JSON)
public class BulkImportResource {

    static final String RULES =
            "Columns are matched by heading (any order; every heading of the sheet required; "
                    + "optional id and ETag). Every row goes through the single-row endpoints' services (R-AS-2/3, R-RM-1/"
                    + "R-RM-3, R-MT-3 media marks, version ≤ 128, serial uniqueness), audited and in the history, in one "
                    + "transaction: either every row is accepted or 400 problem+json lists every bad row and cell (sheet, "
                    + "row as Excel shows it, column letter and heading, value, reason, rule) and nothing is written. "
                    + "dryRun=true answers what would change (create/update/unchanged per row) and writes nothing. "
                    + "Idempotency-Key honoured. One import at a time per instance (it holds the audit chain from its "
                    + "first chunk to its end): a second waits up to 30 s for the first, then 503.";

    /**
     * A hardware.csv as GET /exports/hardware.csv writes it: one new STAGING server with its SSD
     * (R-AS-2: ORDERED, new).
     */
    static final String CSV_EXAMPLE =
            "id,製品名,型番,ハードウェア区分,契約形態,保守期限,製造番号,環境,ラック,搭載位置,状態,納入日,調達基準品目,記憶媒体（種別:製造番号）\r\n,PRIMERGY RX2540 M7,PYR2547R,SERVER,賃貸借,2031-03-31,MAJ2540A0017,STAGING,R01,U10,ORDERED,,,SSD:S6B0NX0T401233\r\n";

    private final BulkImportService service;
    private final LedgerWriters writers;
    private final long maxPartBytes;
    private final int maxRows;

    public BulkImportResource(
            BulkImportService service,
            LedgerWriters writers,
            @ConfigProperty(name = "kiban.imports.bulk.max-part-bytes", defaultValue = "268435456")
                    long maxPartBytes,
            @ConfigProperty(name = "kiban.imports.bulk.max-rows", defaultValue = "20000")
                    int maxRows) {
        this.service = service;
        this.writers = writers;
        this.maxPartBytes = maxPartBytes;
        this.maxRows = maxRows;
    }

    @POST
    @Idempotent
    @Consumes({ExportResource.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(
            summary =
                    "標準シートの一括取込み（xlsx） / "
                            + "The standard sheet workbook (its sheets ハードウェア and ソフトウェア) → hardware with its media, "
                            + "and software, created or updated as a whole",
            description =
                    "情報資産管理標準シート（xlsx）のシート「ハードウェア」「ソフトウェア」を読み、ハードウェア（記憶媒体を含む）とソフトウェアを一括で登録・更新する。1行でも誤りがあれば何も書き込まない。ハードウェアの行は製造番号（または id）で、ソフトウェアの行は製品名・エディション・導入先・環境で照合する。数式は評価せず、キャッシュされた値を用いる。破損・圧縮爆弾・行数超過・空ファイル・見出し欠落は箇所を示して400。各行は1件ずつの登録と同じ規則（新品のみ R-AS-2・R-AS-3、撤去済・完了の環境には登録不可 R-RM-1/R-RM-3、記憶媒体の印 R-MT-3、製造番号の一意性）で検査し、監査証跡と変更履歴に残す。dryRun=true は行ごとの登録・更新・変更なしを示すだけで何も書き込まない。Idempotency-Key に対応。\n\n"
                            + "Read with POI's SAX event API (XSSFReader), one row at a time; other sheets are ignored; "
                            + "a hardware row is matched by 製造番号 (or id), a software row by 製品名, エディション, 導入先, 環境 "
                            + "(and バージョン when several match, or id). Formula cells give their cached value, never "
                            + "evaluated. Truncated or damaged zip, zip bomb (decompressed part over "
                            + "kiban.imports.bulk.max-part-bytes, POI's ratio check), more than kiban.imports.bulk.max-rows "
                            + "rows, empty file, missing heading row or heading → 400 naming the place. "
                            + RULES)
    @APIResponse(responseCode = "200", description = "every row accepted (or the dry run's answer)")
    @APIResponse(
            responseCode = "400",
            description = "every bad row and cell; nothing written",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = BulkProblem.class)))
    @APIResponse(
            responseCode = "503",
            description =
                    "another import ran on this instance for longer than kiban.imports.bulk.queue-wait"
                            + " (30 s); nothing written, send the file again",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<BulkReport> workbook(@RestQuery boolean dryRun, File body) {
        writers.require();
        return run(body, () -> new XlsxSource(body, maxPartBytes, maxRows), dryRun);
    }

    @POST
    @Idempotent
    @Path("/{category}.csv")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @BodyLimit(property = "kiban.imports.max-body", defaultValue = "50M")
    @Operation(
            summary =
                    "CSV の一括取込み / "
                            + "hardware.csv or software.csv as GET /exports/{category}.csv writes it → the ledger, as a whole",
            description =
                    "GET /exports/{category}.csv が出力した hardware.csv または software.csv を台帳へ一括で取り込む。UTF-8（BOM の有無は問わない）のみで、Shift_JIS 等は推測せず箇所を示して400（「CSV UTF-8」で保存し直す）。式とみなされるセル（CSV インジェクション）は誤りとする。1行でも誤りがあれば何も書き込まない。各行は1件ずつの登録と同じ規則（新品のみ R-AS-2・R-AS-3、撤去済・完了の環境には登録不可 R-RM-1/R-RM-3、記憶媒体の印 R-MT-3、製造番号の一意性）で検査し、監査証跡と変更履歴に残す。dryRun=true は行ごとの登録・更新・変更なしを示すだけで何も書き込まない。Idempotency-Key に対応。\n\n"
                            + "UTF-8 (with or without BOM); a file that is not UTF-8 → 400 naming the byte, and saying so "
                            + "when it is Shift_JIS (refused, not guessed: save as 「CSV UTF-8」). A field written by the "
                            + "export with a leading ' before = + - @ is read without it; an unprefixed formula-like field "
                            + "is a bad cell (CSV injection). The id column identifies the row when filled. "
                            + RULES)
    @APIResponse(responseCode = "200", description = "every row accepted (or the dry run's answer)")
    @APIResponse(
            responseCode = "400",
            description = "every bad row and cell; nothing written",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = BulkProblem.class)))
    @APIResponse(
            responseCode = "503",
            description =
                    "another import ran on this instance for longer than kiban.imports.bulk.queue-wait"
                            + " (30 s); nothing written, send the file again",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @RolesAllowed({Roles.JPO_ADMIN, Roles.VENDOR})
    public RestResponse<BulkReport> csv(
            @RestPath String category,
            @RestQuery boolean dryRun,
            @RequestBody(
                            content = {
                                @Content(
                                        mediaType = "text/csv",
                                        examples =
                                                @ExampleObject(
                                                        name = "hardware.csv",
                                                        summary =
                                                                "検証環境のサーバ1台（記憶媒体1本） / one STAGING server with one SSD",
                                                        value = CSV_EXAMPLE)),
                                @Content(
                                        mediaType = MediaType.TEXT_PLAIN,
                                        examples =
                                                @ExampleObject(
                                                        name = "hardware.csv",
                                                        value = CSV_EXAMPLE))
                            })
                    File body) {
        SheetDef def =
                switch (category) {
                    case "hardware", "software" ->
                            StandardSheetService.sheet(category).orElseThrow();
                    default ->
                            throw ProblemException.of(
                                    ProblemType.NOT_FOUND,
                                    "only hardware.csv and software.csv are "
                                            + "imported; "
                                            + category
                                            + ".csv is not");
                };
        writers.require();
        return run(body, () -> new CsvSource(body, def, maxRows), dryRun);
    }

    private RestResponse<BulkReport> run(File body, Supplier<BulkSource> open, boolean dryRun) {
        try {
            if (body == null) {
                throw Layout.bad("the file is empty");
            }
            return RestResponse.ok(service.run(open.get(), dryRun));
        } finally {
            if (body != null) {
                body.delete();
            }
        }
    }

    @ServerExceptionMapper
    public Response rejected(BulkRejected e, UriInfo uri) {
        long rows =
                e.errors().stream()
                        .filter(x -> x.sheet() != null)
                        .map(x -> x.sheet() + "#" + x.row())
                        .distinct()
                        .count();
        BulkProblem problem =
                new BulkProblem(
                        ProblemType.VALIDATION.uri(),
                        ProblemType.VALIDATION.title(),
                        400,
                        rows
                                + " of "
                                + e.rows()
                                + " rows are refused ("
                                + e.errors().size()
                                + " errors, each listed in errors); nothing was written",
                        uri.getPath(),
                        null,
                        e.errors());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
