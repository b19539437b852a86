package io.kiban.asset.bulk;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.hardware;
import static io.kiban.asset.AssetApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.TestDatabase;
import io.kiban.commons.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, the vendor's spreadsheets: sheets 1 and 2 of the standard sheet back into the ledger,
 * as a whole.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class BulkImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @AfterEach
    void defaults() {
        LifecycleServiceMock.reset();
    }

    // ------------------------------------------------------------------ helpers

    static RequestSpecification upload(String token, byte[] body, String type) {
        return given().auth().oauth2(token).contentType(type).body(body);
    }

    static Response importXlsx(String token, byte[] body, boolean dryRun) {
        return upload(token, body, XLSX)
                .queryParam("dryRun", dryRun)
                .post("/imports/standard-sheet");
    }

    static Response importCsv(String token, String category, byte[] body, boolean dryRun) {
        return upload(token, body, "text/csv")
                .queryParam("dryRun", dryRun)
                .post("/imports/standard-sheet/" + category + ".csv");
    }

    static byte[] export() {
        return admin().get("/exports/standard-sheet.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    /**
     * What the ledger holds, as counts and the audit trail's length: the proof that nothing was
     * written.
     */
    /**
     * What an import could write: the ledger's counts, the audit trail's, and the history's (the
     * history is written chunk by chunk, before the commit).
     */
    static List<String> ledgerState() {
        return List.of(
                admin().get("/hardware?size=1").header("X-Total-Count"),
                admin().get("/software?size=1").header("X-Total-Count"),
                admin().get("/media?size=1&include=removed").header("X-Total-Count"),
                admin().get("/audit?size=1").header("X-Total-Count"),
                sql(
                        "select concat_ws('/', (select count(*) from revinfo),"
                                + " (select count(*) from hardware_aud), (select count(*) from medium_aud),"
                                + " (select count(*) from software_aud))"));
    }

    /** The first column of the first row of {@code query} on the test database. */
    static String sql(String query, Object... args) {
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(query).isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long newHardwareWithMedium(String serial, String mediumSerial) {
        long id =
                admin().body(hardware(serial))
                        .post("/hardware")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        admin().body(Map.of("kind", "SSD", "serial", mediumSerial, "condition", "NEW"))
                .post("/hardware/" + id + "/media")
                .then()
                .statusCode(201);
        return id;
    }

    interface Edit {
        void apply(XSSFWorkbook wb) throws Exception;
    }

    static byte[] edit(byte[] xlsx, Edit edit) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            edit.apply(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static int column(Sheet sheet, String heading) {
        for (Cell c : sheet.getRow(0)) {
            if (heading.equals(c.getStringCellValue())) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no heading " + heading);
    }

    static Row rowWith(Sheet sheet, String heading, String value) {
        int col = column(sheet, heading);
        for (Row r : sheet) {
            Cell c = r.getCell(col);
            if (r.getRowNum() > 0 && c != null && value.equals(c.getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row with " + heading + " = " + value);
    }

    /** Replaces a cell (POI keeps an exported inline-string cell's old text otherwise). */
    static void set(Row row, int column, String value) {
        Cell old = row.getCell(column);
        if (old != null) {
            row.removeCell(old);
        }
        row.createCell(column).setCellValue(value);
    }

    static Row append(Sheet sheet, Object... cells) {
        Row r = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof String s) {
                r.createCell(i).setCellValue(s);
            }
        }
        return r;
    }

    // ------------------------------------------------------------------ round trip

    @Test
    void
            round_trip_export_then_import_unchanged_is_all_unchanged_and_one_edited_cell_is_one_update()
                    throws Exception {
        String serial = unique("BULK-RT");
        long id = newHardwareWithMedium(serial, unique("BULK-RT-SSD"));
        admin().body(
                        Map.of(
                                "name",
                                "nginx",
                                "version",
                                "1.25.3",
                                "softwareClass",
                                "MIDDLEWARE",
                                "installedOn",
                                "HARDWARE",
                                "hardwareId",
                                id))
                .post("/software")
                .then()
                .statusCode(201);
        byte[] xlsx = export();
        int rows;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            rows = wb.getSheet("ハードウェア").getLastRowNum() + wb.getSheet("ソフトウェア").getLastRowNum();
        }
        List<String> before = ledgerState();

        JsonPath dry =
                importXlsx(Tokens.jpoAdmin(), xlsx, true)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(dry.getBoolean("dryRun")).isTrue();
        assertThat(dry.getBoolean("written")).isFalse();
        assertThat(dry.getInt("created")).isEqualTo(0);
        assertThat(dry.getInt("updated")).isEqualTo(0);
        assertThat(dry.getInt("rows")).isEqualTo(rows);
        assertThat(dry.getInt("unchanged")).isEqualTo(rows);
        assertThat(dry.getList("outcomes.action")).containsOnly("UNCHANGED");

        // the contracted vendor imports the same file for real: nothing changes, nothing is audited
        JsonPath real =
                importXlsx(Tokens.vendor("vendor-a"), xlsx, false)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(real.getInt("unchanged")).isEqualTo(rows);
        assertThat(ledgerState()).isEqualTo(before);

        // edit one cell: 保守期限 of the new item, as a date cell
        byte[] edited =
                edit(
                        xlsx,
                        wb -> {
                            Sheet hw = wb.getSheet("ハードウェア");
                            rowWith(hw, "製造番号", serial)
                                    .getCell(column(hw, "保守期限"))
                                    .setCellValue(LocalDate.of(2032, 3, 31));
                        });
        JsonPath dryEdit =
                importXlsx(Tokens.jpoAdmin(), edited, true)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(dryEdit.getInt("updated")).isEqualTo(1);
        assertThat(dryEdit.getInt("created")).isEqualTo(0);
        assertThat(dryEdit.getInt("unchanged")).isEqualTo(rows - 1);
        assertThat(ledgerState()).isEqualTo(before);
        assertThat(admin().get("/hardware/" + id).jsonPath().getString("maintenanceDeadline"))
                .isEqualTo("2031-03-31");

        JsonPath done =
                importXlsx(Tokens.vendor("vendor-a"), edited, false)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(done.getInt("updated")).isEqualTo(1);
        Map<String, Object> outcome = done.getMap("outcomes.find { it.action == 'UPDATE' }");
        assertThat(outcome)
                .containsEntry("sheet", "ハードウェア")
                .containsEntry("key", serial)
                .containsEntry("changed", List.of("保守期限"));
        assertThat(admin().get("/hardware/" + id).jsonPath().getString("maintenanceDeadline"))
                .isEqualTo("2032-03-31");
        // history and audit trail of the row written
        JsonPath history =
                as(Tokens.auditor())
                        .get("/hardware/" + id + "/history")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(history.getList("type")).containsExactly("CREATED", "UPDATED");
        assertThat(history.getString("[1].name")).isEqualTo("vendor-a-engineer");
        assertThat(history.getList("[1].changes.field")).containsExactly("maintenanceDeadline");
        assertThat(
                        admin().queryParam("entityType", "hardware")
                                .queryParam("entityId", String.valueOf(id))
                                .get("/audit")
                                .jsonPath()
                                .getList("action"))
                .containsExactlyInAnyOrder("create", "update");
    }

    @Test
    void csv_round_trip_with_bom_and_the_id_column_and_an_edited_version_is_one_update() {
        String serial = unique("BULK-CSV");
        long hw = newHardwareWithMedium(serial, unique("BULK-CSV-SSD"));
        long sw =
                admin().body(
                                Map.of(
                                        "name",
                                        "openssl",
                                        "version",
                                        "3.0.13",
                                        "softwareClass",
                                        "LIBRARY",
                                        "installedOn",
                                        "HARDWARE",
                                        "hardwareId",
                                        hw))
                        .post("/software")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        byte[] csv =
                admin().get("/exports/software.csv").then().statusCode(200).extract().asByteArray();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        JsonPath dry =
                importCsv(Tokens.jpoAdmin(), "software", csv, true)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(dry.getInt("updated")).isEqualTo(0);
        assertThat(dry.getInt("created")).isEqualTo(0);

        String text =
                new String(csv, StandardCharsets.UTF_8)
                        .replace(sw + ",openssl,,3.0.13,", sw + ",openssl,,3.0.14,");
        JsonPath done =
                importCsv(
                                Tokens.vendor("vendor-a"),
                                "software",
                                text.getBytes(StandardCharsets.UTF_8),
                                false)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(done.getInt("updated")).isEqualTo(1);
        assertThat(done.getList("outcomes.findAll { it.action == 'UPDATE' }.id", Long.class))
                .containsExactly(sw);
        assertThat(admin().get("/software/" + sw).jsonPath().getString("version"))
                .isEqualTo("3.0.14");
    }

    @Test
    void
            columns_in_another_order_are_matched_by_heading_and_new_rows_are_created_with_their_media() {
        String serial = unique("BULK-NEW");
        String ssd = unique("BULK-NEW-SSD");
        String csv =
                "環境,製造番号,製品名,型番,ハードウェア区分,契約形態,保守期限,ラック,搭載位置,状態,納入日,調達基準品目,記憶媒体（種別:製造番号）\r\n"
                        + "STAGING,"
                        + serial
                        + ",PRIMERGY RX2540 M7,PYR2547R,SERVER,賃貸借,2031/3/31,R1,U12,DELIVERED,"
                        + "2027-01-10,,SSD:"
                        + ssd
                        + "\r\n";
        JsonPath done =
                importCsv(
                                Tokens.vendor("vendor-a"),
                                "hardware",
                                csv.getBytes(StandardCharsets.UTF_8),
                                false)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(done.getInt("created")).isEqualTo(1);
        long id = done.getLong("outcomes[0].id");
        JsonPath h = admin().get("/hardware/" + id).jsonPath();
        assertThat(h.getString("serialNumber")).isEqualTo(serial);
        assertThat(h.getString("status")).isEqualTo("DELIVERED");
        assertThat(h.getString("deliveredOn")).isEqualTo("2027-01-10");
        assertThat(h.getString("maintenanceDeadline")).isEqualTo("2031-03-31");
        assertThat(h.getString("condition")).isEqualTo("NEW");
        JsonPath m = admin().get("/media?hardwareId=" + id).jsonPath();
        assertThat(m.getList("serial")).containsExactly(ssd);
        assertThat(m.getList("dataBearing")).containsExactly(true);
    }

    // ------------------------------------------------------------------ validated as a whole

    @Test
    void R_RM_1_R_MT_3_three_bad_rows_in_two_sheets_are_all_listed_and_nothing_is_written()
            throws Exception {
        String serial = unique("BULK-BAD");
        String ssd = unique("BULK-BAD-SSD");
        long id = newHardwareWithMedium(serial, ssd);
        String goodNew = unique("BULK-GOOD");
        String closedNew = unique("BULK-CLOSED");
        byte[] xlsx =
                edit(
                        export(),
                        wb -> {
                            Sheet hw = wb.getSheet("ハードウェア");
                            // row A: a good new item that must not be written because other rows
                            // are bad
                            append(
                                    hw,
                                    "Good",
                                    "M1",
                                    "SERVER",
                                    "賃貸借",
                                    "2031-03-31",
                                    goodNew,
                                    "STAGING",
                                    null,
                                    null,
                                    "ORDERED");
                            // row B: new hardware in an environment that is CLOSED (R-RM-1, refused
                            // by HardwareService)
                            append(
                                    hw,
                                    "Closed",
                                    "M1",
                                    "SERVER",
                                    "賃貸借",
                                    "2031-03-31",
                                    closedNew,
                                    "PRODUCTION",
                                    null,
                                    null,
                                    "ORDERED");
                            // row C: the existing item: its installed medium marked removed
                            // (R-RM-3) and a date that is no date
                            Row c = rowWith(hw, "製造番号", serial);
                            set(c, column(hw, "記憶媒体（種別:製造番号）"), "SSD:" + ssd + "(取外し 2027-01-10)");
                            set(c, column(hw, "保守期限"), "来年");
                            // row D: software with a version longer than 128 characters (the POST
                            // /software limit)
                            Sheet sw = wb.getSheet("ソフトウェア");
                            append(
                                    sw,
                                    "libx",
                                    null,
                                    "1".repeat(129),
                                    "LIBRARY",
                                    null,
                                    null,
                                    null,
                                    "CLUSTER bulk-k8s",
                                    "STAGING");
                        });
        List<String> before = ledgerState();
        LifecycleServiceMock.phase("PRODUCTION", "CLOSED");

        JsonPath problem =
                importXlsx(Tokens.vendor("vendor-a"), xlsx, false)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .extract()
                        .jsonPath();
        List<Map<String, Object>> errors = problem.getList("errors");
        assertThat(errors).hasSize(4);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet hw = wb.getSheet("ハードウェア");
            int closedRow = rowWith(hw, "製造番号", closedNew).getRowNum() + 1;
            int existingRow = rowWith(hw, "製造番号", serial).getRowNum() + 1;
            int swRow = wb.getSheet("ソフトウェア").getLastRowNum() + 1;
            assertThat(errors)
                    .anySatisfy(
                            e ->
                                    assertThat(e)
                                            .containsEntry("sheet", "ハードウェア")
                                            .containsEntry("row", closedRow)
                                            .containsEntry("column", "G")
                                            .containsEntry("header", "環境")
                                            .containsEntry("value", "PRODUCTION")
                                            .containsEntry("rule", "R-RM-1"));
            assertThat(errors)
                    .anySatisfy(
                            e ->
                                    assertThat(e)
                                            .containsEntry("row", existingRow)
                                            .containsEntry("column", "E")
                                            .containsEntry("header", "保守期限")
                                            .containsEntry("value", "来年"));
            assertThat(errors)
                    .anySatisfy(
                            e ->
                                    assertThat(e)
                                            .containsEntry("row", existingRow)
                                            .containsEntry("column", "M")
                                            .containsEntry("rule", "R-RM-3")
                                            .containsEntry(
                                                    "value", "SSD:" + ssd + "(取外し 2027-01-10)"));
            assertThat(errors)
                    .anySatisfy(
                            e ->
                                    assertThat(e)
                                            .containsEntry("sheet", "ソフトウェア")
                                            .containsEntry("row", swRow)
                                            .containsEntry("column", "C")
                                            .containsEntry("header", "バージョン"));
        }
        assertThat(ledgerState()).isEqualTo(before);
        admin().get("/hardware?size=200").then().statusCode(200);
        assertThat(admin().get("/media?hardwareId=" + id).jsonPath().getList("serial"))
                .containsExactly(ssd);
        assertThat(admin().get("/hardware/" + id).jsonPath().getString("maintenanceDeadline"))
                .isEqualTo("2031-03-31");
    }

    @Test
    void R_MT_3_a_sheet_cannot_declare_a_medium_not_data_bearing() throws Exception {
        String serial = unique("BULK-NDB");
        String ssd = unique("BULK-NDB-SSD");
        newHardwareWithMedium(serial, ssd);
        byte[] xlsx =
                edit(
                        export(),
                        wb -> {
                            Sheet hw = wb.getSheet("ハードウェア");
                            set(
                                    rowWith(hw, "製造番号", serial),
                                    column(hw, "記憶媒体（種別:製造番号）"),
                                    "SSD:" + ssd + "(データ非保持: JPO判断)");
                        });
        importXlsx(Tokens.jpoAdmin(), xlsx, true)
                .then()
                .statusCode(400)
                .body("errors[0].rule", org.hamcrest.Matchers.equalTo("R-MT-3"))
                .body("errors[0].header", org.hamcrest.Matchers.equalTo("記憶媒体（種別:製造番号）"));
    }

    @Test
    void stale_ETag_column_is_a_bad_cell() throws Exception {
        String serial = unique("BULK-ETAG");
        long id = newHardwareWithMedium(serial, unique("BULK-ETAG-SSD"));
        String csv =
                new String(
                        admin().get("/exports/hardware.csv")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asByteArray(),
                        StandardCharsets.UTF_8);
        String header = csv.lines().findFirst().orElseThrow() + ",ETag";
        String line =
                csv.lines()
                                .filter(l -> l.startsWith(id + ","))
                                .findFirst()
                                .orElseThrow()
                                .replace("賃貸借", "買取")
                        + ",\"\"\"7\"\"\"";
        JsonPath p =
                importCsv(
                                Tokens.jpoAdmin(),
                                "hardware",
                                (header + "\r\n" + line + "\r\n").getBytes(StandardCharsets.UTF_8),
                                false)
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath();
        assertThat(p.getString("errors[0].header")).isEqualTo("ETag");
        assertThat(p.getString("errors[0].column")).isEqualTo("O");
        assertThat(p.getString("errors[0].reason")).startsWith("stale");
        assertThat(admin().get("/hardware/" + id).jsonPath().getString("contractForm"))
                .isEqualTo("賃貸借");
    }

    // ------------------------------------------------------------------ roles

    @Test
    void
            SEC_vendor_of_another_organisation_and_read_only_roles_are_refused_and_nothing_is_written() {
        String csv =
                "製品名,型番,ハードウェア区分,契約形態,保守期限,製造番号,環境,ラック,搭載位置,状態,納入日,調達基準品目,記憶媒体（種別:製造番号）\r\n"
                        + "X,M,SERVER,,,,"
                        + unique("BULK-SEC")
                        + ",STAGING,,,ORDERED,,,\r\n";
        List<String> before = ledgerState();
        importCsv(
                        Tokens.vendor("vendor-b"),
                        "hardware",
                        csv.getBytes(StandardCharsets.UTF_8),
                        false)
                .then()
                .statusCode(403);
        importXlsx(Tokens.vendor("vendor-b"), export(), true).then().statusCode(403);
        importCsv(Tokens.jpoStaff(), "hardware", csv.getBytes(StandardCharsets.UTF_8), false)
                .then()
                .statusCode(403);
        importCsv(Tokens.supportVendor(), "hardware", csv.getBytes(StandardCharsets.UTF_8), false)
                .then()
                .statusCode(403);
        assertThat(ledgerState()).isEqualTo(before);
    }

    @Test
    void idempotency_key_replays_the_same_answer() {
        String serial = unique("BULK-IDEM");
        String csv =
                "製品名,型番,ハードウェア区分,契約形態,保守期限,製造番号,環境,ラック,搭載位置,状態,納入日,調達基準品目,記憶媒体（種別:製造番号）\r\n"
                        + "X,M,SERVER,,,"
                        + serial
                        + ",STAGING,,,ORDERED,,,\r\n";
        String key = unique("idem");
        Response first =
                upload(Tokens.jpoAdmin(), csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                        .header("Idempotency-Key", key)
                        .post("/imports/standard-sheet/hardware.csv");
        first.then().statusCode(200);
        Response second =
                upload(Tokens.jpoAdmin(), csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                        .header("Idempotency-Key", key)
                        .post("/imports/standard-sheet/hardware.csv");
        second.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertThat(second.jsonPath().getInt("created")).isEqualTo(1);
        assertThat(admin().get("/hardware?size=1").header("X-Total-Count")).isNotNull();
    }

    // ------------------------------------------------------------------ hostile files

    @Test
    void hostile_truncated_xlsx_is_400_and_nothing_is_written() {
        byte[] xlsx = export();
        byte[] cut = java.util.Arrays.copyOf(xlsx, xlsx.length / 2);
        List<String> before = ledgerState();
        importXlsx(Tokens.jpoAdmin(), cut, false)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("not a readable xlsx"));
        assertThat(ledgerState()).isEqualTo(before);
    }

    @Test
    void hostile_zip_bomb_in_the_shared_strings_is_400() throws Exception {
        byte[] xlsx = edit(export(), wb -> {});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/sharedStrings.xml")) {
                    zip.write(
                            "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" uniqueCount=\"2000000000\">"
                                    .getBytes(StandardCharsets.UTF_8));
                    byte[] chunk =
                            "<si><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></si>"
                                    .repeat(16384)
                                    .getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 400; i++) {
                        zip.write(chunk);
                    }
                    zip.write("</sst>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        assertThat(out.size()).isLessThan(2_000_000);
        List<String> before = ledgerState();
        importXlsx(Tokens.jpoAdmin(), out.toByteArray(), false)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsStringIgnoringCase("zip bomb"));
        assertThat(ledgerState()).isEqualTo(before);
    }

    @Test
    void hostile_formula_cells_give_their_cached_value_never_evaluated() throws Exception {
        String serial = unique("BULK-F");
        byte[] xlsx =
                edit(
                        export(),
                        wb -> {
                            Sheet hw = wb.getSheet("ハードウェア");
                            Row r =
                                    append(
                                            hw, "Formula", "M1", "SERVER", null, null, null,
                                            "STAGING", null, null, "ORDERED");
                            Cell f = r.createCell(5);
                            f.setCellFormula("CONCATENATE(\"A\",\"B\")");
                            // the file says the formula's last result is the serial; it is read,
                            // never recomputed
                            ((org.apache.poi.xssf.usermodel.XSSFCell) f)
                                    .getCTCell()
                                    .setT(
                                            org.openxmlformats.schemas.spreadsheetml.x2006.main
                                                    .STCellType.STR);
                            ((org.apache.poi.xssf.usermodel.XSSFCell) f).getCTCell().setV(serial);
                        });
        JsonPath p =
                importXlsx(Tokens.jpoAdmin(), xlsx, true)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(p.getInt("created")).isEqualTo(1);
        assertThat(p.getString("outcomes.find { it.action == 'CREATE' }.key")).isEqualTo(serial);
        assertThat(admin().get("/hardware?size=200").jsonPath().getList("serialNumber"))
                .doesNotContain(serial);
    }

    @Test
    void hostile_csv_formula_field_is_refused_unless_quoted_as_the_export_writes_it() {
        String head = "製品名,エディション,バージョン,ソフトウェア区分,契約形態,ライセンス形態,サポート期限,導入先,環境,SBOM対象\r\n";
        String csv =
                head
                        + "=HYPERLINK(\"\"x\"\"),,1,LIBRARY,,,,CLUSTER k8s,STAGING,\r\n"
                        + "'-lib,,'-2,LIBRARY,,,,CLUSTER k8s,STAGING,\r\n";
        JsonPath p =
                importCsv(Tokens.jpoAdmin(), "software", csv.getBytes(StandardCharsets.UTF_8), true)
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath();
        assertThat(p.getList("errors")).hasSize(1);
        assertThat(p.getInt("errors[0].row")).isEqualTo(2);
        assertThat(p.getString("errors[0].column")).isEqualTo("A");
        assertThat(p.getString("errors[0].reason")).contains("CSV injection");
        JsonPath ok =
                importCsv(
                                Tokens.jpoAdmin(),
                                "software",
                                (head + "'-lib,,'-2,LIBRARY,,,,CLUSTER k8s,STAGING,\r\n")
                                        .getBytes(StandardCharsets.UTF_8),
                                true)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(ok.getString("outcomes[0].key")).isEqualTo("-lib -2 @ CLUSTER k8s (STAGING)");
    }

    @Test
    void hostile_shift_jis_csv_is_400_naming_it() {
        String csv =
                "製品名,エディション,バージョン,ソフトウェア区分,契約形態,ライセンス形態,サポート期限,導入先,環境,SBOM対象\r\n"
                        + "ソフト,,1,LIBRARY,,,,CLUSTER k8s,STAGING,\r\n";
        importCsv(Tokens.jpoAdmin(), "software", csv.getBytes(Charset.forName("Shift_JIS")), false)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("Shift_JIS"))
                .body("detail", org.hamcrest.Matchers.containsString("byte 0"));
    }

    @Test
    void hostile_empty_file_missing_header_row_and_missing_heading_are_400_naming_the_place()
            throws Exception {
        List<String> before = ledgerState();
        importCsv(Tokens.jpoAdmin(), "hardware", new byte[0], false)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("empty"));
        importXlsx(Tokens.jpoAdmin(), new byte[0], false)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("empty"));
        importCsv(
                        Tokens.jpoAdmin(),
                        "hardware",
                        ("X,M,SERVER,,,,SN-1,STAGING,,,ORDERED,,\r\n")
                                .getBytes(StandardCharsets.UTF_8),
                        false)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("header row missing"));
        importCsv(
                        Tokens.jpoAdmin(),
                        "hardware",
                        ("製品名,型番,ハードウェア区分\r\nX,M,SERVER\r\n").getBytes(StandardCharsets.UTF_8),
                        false)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("heading(s) missing: 契約形態"));
        byte[] noHeader =
                edit(
                        export(),
                        wb ->
                                wb.getSheet("ハードウェア")
                                        .shiftRows(0, wb.getSheet("ハードウェア").getLastRowNum(), 2));
        importXlsx(Tokens.jpoAdmin(), noHeader, false)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("sheet ハードウェア, row 3"));
        importCsv(Tokens.jpoAdmin(), "lines", "a\r\n".getBytes(StandardCharsets.UTF_8), false)
                .then()
                .statusCode(404);
        assertThat(ledgerState()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ volume (issue 18: chunks,
    // batches, audit)

    static final String HARDWARE_HEAD =
            "製品名,型番,ハードウェア区分,契約形態,保守期限,製造番号,環境,ラック,搭載位置,状態,納入日," + "調達基準品目,記憶媒体（種別:製造番号）\r\n";

    static String hardwareLine(String prefix, int r) {
        return "PRIMERGY RX2540 M7,PYR2547R,SERVER,賃貸借,2031-03-31,"
                + prefix
                + "-"
                + r
                + ",STAGING,R1,U"
                + (r % 42)
                + ",DELIVERED,2027-01-10,,SSD:"
                + prefix
                + "-SSD-"
                + r
                + "\r\n";
    }

    /** The hardware CSV of {@code rows} rows of {@link #hardwareLine}. */
    static byte[] hardwareCsv(String prefix, int rows) {
        StringBuilder csv = new StringBuilder(HARDWARE_HEAD);
        for (int r = 1; r <= rows; r++) {
            csv.append(hardwareLine(prefix, r));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Inject SessionFactory sessionFactory;

    @Test
    void R_18_six_hundred_rows_are_read_per_chunk_not_per_row_and_every_row_is_audited_once() {
        String prefix = unique("BULK-VOL");
        byte[] csv = hardwareCsv(prefix, 600);
        long auditBefore = Long.parseLong(admin().get("/audit?size=1").header("X-Total-Count"));
        Statistics statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        JsonPath done;
        long statements;
        try {
            done =
                    importCsv(Tokens.jpoAdmin(), "hardware", csv, false)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
            statements = statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(false);
            statistics.clear();
        }
        assertThat(done.getInt("rows")).isEqualTo(600);
        assertThat(done.getInt("created")).isEqualTo(600);
        // 600 items + 600 media + 1,200 audit entries + 1,200 history rows: a statement per row
        // would be ≥ 600; the
        // two chunks (500 + 100 rows) read the ledger in a few queries each and write in JDBC
        // batches
        assertThat(statements).as("JDBC statements prepared for 600 rows").isLessThan(150);
        // one audit entry per row written, as 600 single POSTs would have made: 600 「create」 + 600
        // 「install」
        long auditAfter = Long.parseLong(admin().get("/audit?size=1").header("X-Total-Count"));
        assertThat(auditAfter - auditBefore).isEqualTo(1200);
        assertThat(as(Tokens.auditor()).get("/audit?size=2").jsonPath().getList("action"))
                .containsExactly("install", "install");
        assertThat(admin().get("/audit/verify").jsonPath().getBoolean("valid")).isTrue();
        long last = done.getLong("outcomes[599].id");
        assertThat(done.getString("outcomes[599].key")).isEqualTo(prefix + "-600");
        assertThat(admin().get("/hardware/" + last).jsonPath().getString("serialNumber"))
                .isEqualTo(prefix + "-600");
        assertThat(admin().get("/media?hardwareId=" + last).jsonPath().getList("serial"))
                .containsExactly(prefix + "-SSD-600");
        assertThat(
                        as(Tokens.auditor())
                                .get("/hardware/" + last + "/history")
                                .jsonPath()
                                .getList("$"))
                .hasSize(1);
    }

    @Test
    void R_18_history_of_two_chunks_is_written_as_it_goes_under_one_revision_as_envers_writes_it() {
        // 600 rows: chunk one (500) has its history written before chunk two is read
        String prefix = unique("BULK-HIST");
        byte[] csv = hardwareCsv(prefix, 600);
        String revisionsBefore = sql("select count(*) from revinfo");
        JsonPath done =
                importCsv(Tokens.vendor("vendor-a"), "hardware", csv, false)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(done.getInt("created")).isEqualTo(600);
        long first = done.getLong("outcomes[0].id");
        long last = done.getLong("outcomes[599].id");
        String like = prefix + "-%";
        // one revision for the whole import (Envers writes one per transaction): had Envers also
        // kept its own work units, there would be a second revision and 1,200 history rows
        assertThat(Long.parseLong(sql("select count(*) from revinfo")))
                .isEqualTo(Long.parseLong(revisionsBefore) + 1);
        assertThat(
                        sql(
                                "select concat_ws('/', count(*), count(distinct a.rev), min(a.revtype), max(a.revtype))"
                                        + " from hardware_aud a join hardware h on h.id = a.id where h.serial_number like ?",
                                like))
                .isEqualTo("600/1/0/0");
        assertThat(
                        sql(
                                "select concat_ws('/', count(*), count(distinct a.rev), min(a.revtype))"
                                        + " from medium_aud a where a.serial_number like ?",
                                prefix + "-SSD-%"))
                .isEqualTo("600/1/0");
        String rev =
                sql(
                        "select a.rev from hardware_aud a join hardware h on h.id = a.id where h.id = ?",
                        first);
        assertThat(sql("select max(a.rev) from medium_aud a where a.serial_number like ?", like))
                .isEqualTo(rev);
        // stamped with the caller, as AssetRevisionListener stamps Envers' revisions
        assertThat(sql("select actor_name from revinfo where rev = ?", rev))
                .isEqualTo("vendor-a-engineer");
        // the state of row 600 as the file gives it (hardwareLine: U(600 mod 42) = U12)
        assertThat(
                        sql(
                                "select concat_ws('|', name, model_number, hardware_class, serial_number,"
                                        + " environment, rack, rack_position, status, delivered_on, maintenance_deadline)"
                                        + " from hardware_aud where id = ?",
                                last))
                .isEqualTo(
                        "PRIMERGY RX2540 M7|PYR2547R|SERVER|"
                                + prefix
                                + "-600|STAGING|R1|U12|DELIVERED|2027-01-10|2031-03-31");
        // and read back through Envers, as the history endpoint reads every other change
        JsonPath history =
                as(Tokens.auditor())
                        .get("/hardware/" + last + "/history")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(history.getList("type")).containsExactly("CREATED");
        assertThat(history.getString("[0].name")).isEqualTo("vendor-a-engineer");

        // a single POST afterwards still goes through Envers, under a revision of its own
        long single =
                admin().body(hardware(unique("BULK-HIST-ONE")))
                        .post("/hardware")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        assertThat(
                        sql(
                                "select concat_ws('/', count(*), max(revtype)) from hardware_aud where id = ?",
                                single))
                .isEqualTo("1/0");
        assertThat(Long.parseLong(sql("select rev from hardware_aud where id = ?", single)))
                .isGreaterThan(Long.parseLong(rev));
    }

    @Test
    void
            R_18_a_row_repeating_an_earlier_one_is_refused_naming_it_within_a_chunk_and_across_chunks() {
        // chunks of 500: data rows 3 and 4 share a chunk; 2 and 550, 5 and 560 do not (the first
        // chunk is flushed and its keys are no longer held: the ledger finds the earlier row)
        String prefix = unique("BULK-DUP");
        StringBuilder csv = new StringBuilder(HARDWARE_HEAD);
        for (int r = 1; r <= 600; r++) {
            String line = hardwareLine(prefix, r);
            if (r == 4) {
                line = line.replace("," + prefix + "-4,", "," + prefix + "-3,");
            } else if (r == 550) {
                line = line.replace("," + prefix + "-550,", "," + prefix + "-2,");
            } else if (r == 560) {
                line = line.replace("SSD:" + prefix + "-SSD-560", "SSD:" + prefix + "-SSD-5");
            }
            csv.append(line);
        }
        List<String> before = ledgerState();
        JsonPath problem =
                importCsv(
                                Tokens.jpoAdmin(),
                                "hardware",
                                csv.toString().getBytes(StandardCharsets.UTF_8),
                                false)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .extract()
                        .jsonPath();
        List<Map<String, Object>> errors = problem.getList("errors");
        assertThat(errors).hasSize(3);
        // file rows are data rows + 1 (the heading row)
        assertThat(errors.get(0))
                .containsEntry("row", 5)
                .containsEntry("column", "F")
                .containsEntry("value", prefix + "-3")
                .containsEntry(
                        "reason", "the same hardware as row 4 of sheet ハードウェア (a row per item)");
        assertThat(errors.get(1))
                .containsEntry("row", 551)
                .containsEntry("column", "F")
                .containsEntry("value", prefix + "-2")
                .containsEntry(
                        "reason", "the same hardware as row 3 of sheet ハードウェア (a row per item)");
        assertThat(errors.get(2))
                .containsEntry("row", 561)
                .containsEntry("column", "M")
                .containsEntry("value", "SSD:" + prefix + "-SSD-5")
                .containsEntry("reason", "medium " + prefix + "-SSD-5 is listed in row 6 already");
        assertThat(ledgerState()).isEqualTo(before);

        // software: data row 580 repeats data row 1 (another chunk), row 3 repeats row 2 (the same)
        String product = unique("bulk-dup-lib");
        StringBuilder sw =
                new StringBuilder(
                        "製品名,エディション,バージョン,ソフトウェア区分,契約形態,ライセンス形態,サポート期限,導入先,環境,SBOM対象\r\n");
        for (int r = 1; r <= 600; r++) {
            int n = r == 580 ? 1 : r == 3 ? 2 : r;
            sw.append(
                    product
                            + "-"
                            + n
                            + ",,1.0.0,LIBRARY,,Apache-2.0,,CLUSTER bulk-k8s,STAGING,\r\n");
        }
        JsonPath swProblem =
                importCsv(
                                Tokens.jpoAdmin(),
                                "software",
                                sw.toString().getBytes(StandardCharsets.UTF_8),
                                false)
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath();
        assertThat(swProblem.getList("errors.row")).containsExactly(4, 581);
        assertThat(swProblem.getList("errors.column")).containsExactly("A", "A");
        assertThat(swProblem.getList("errors.reason"))
                .containsExactly(
                        "the same software as row 3 of sheet ソフトウェア",
                        "the same software as row 2 of sheet ソフトウェア");
        assertThat(ledgerState()).isEqualTo(before);
    }

    @Inject BulkImportService service;

    @Test
    void R_18_a_second_import_while_one_runs_waits_then_is_503_and_writes_nothing()
            throws Exception {
        // an import that holds its permit until released: it has begun reading its file
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BulkSource held =
                new BulkSource() {
                    @Override
                    public String format() {
                        return "csv";
                    }

                    @Override
                    public boolean read(
                            io.kiban.asset.export.StandardSheetService.SheetDef def,
                            java.util.function.Consumer<SheetRow> rows) {
                        reading.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return false;
                    }

                    @Override
                    public void close() {}
                };
        CompletableFuture<Throwable> first =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                service.run(held, true);
                                return null;
                            } catch (RuntimeException e) {
                                return e;
                            }
                        });
        try {
            assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
            String serial = unique("BULK-WAIT");
            List<String> before = ledgerState();
            // the test profile waits 300 ms (kiban.imports.bulk.queue-wait) for the running import
            importCsv(Tokens.vendor("vendor-a"), "hardware", hardwareCsv(serial, 1), false)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body(
                            "detail",
                            org.hamcrest.Matchers.startsWith(
                                    "another standard-sheet import is running on this instance"));
            assertThat(ledgerState()).isEqualTo(before);
            release.countDown();
            // the held one ends (its file holds neither sheet: 400); the same file goes through now
            assertThat(first.get(30, TimeUnit.SECONDS)).hasMessageContaining("holds neither sheet");
            importCsv(Tokens.vendor("vendor-a"), "hardware", hardwareCsv(serial, 1), false)
                    .then()
                    .statusCode(200)
                    .body("created", org.hamcrest.Matchers.equalTo(1));
        } finally {
            release.countDown();
        }
    }

    @Test
    void R_18_a_file_over_the_row_limit_is_refused_naming_the_row_and_nothing_is_written() {
        // the test profile's limit is 1,000 data rows (kiban.imports.bulk.max-rows): the 1,001st,
        // row
        // 1,002 of the file under its heading row, ends the import after two chunks were flushed
        String prefix = unique("BULK-CAP");
        byte[] csv = hardwareCsv(prefix, 1001);
        List<String> before = ledgerState();
        JsonPath problem =
                importCsv(Tokens.vendor("vendor-a"), "hardware", csv, false)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .extract()
                        .jsonPath();
        assertThat(problem.getString("detail"))
                .contains("CSV row 1002")
                .contains("more than 1000 data rows (kiban.imports.bulk.max-rows)");
        assertThat(ledgerState()).isEqualTo(before);
        assertThat(admin().get("/audit/verify").jsonPath().getBoolean("valid")).isTrue();
    }

    @Test
    void
            R_18_a_bad_row_in_the_second_chunk_undoes_the_flushed_first_chunk_and_both_bad_rows_are_listed() {
        String taken = unique("BULK-TAKEN-SSD");
        newHardwareWithMedium(unique("BULK-TAKEN"), taken);
        String prefix = unique("BULK-2CH");
        StringBuilder csv = new StringBuilder(HARDWARE_HEAD);
        for (int r = 1; r <= 700; r++) {
            String line = hardwareLine(prefix, r);
            if (r == 3) {
                line = line.replace(",SERVER,", ",SERVR,");
            } else if (r == 650) {
                line = line.replace("SSD:" + prefix + "-SSD-650", "SSD:" + taken);
            }
            csv.append(line);
        }
        List<String> before = ledgerState();
        JsonPath problem =
                importCsv(
                                Tokens.jpoAdmin(),
                                "hardware",
                                csv.toString().getBytes(StandardCharsets.UTF_8),
                                false)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .extract()
                        .jsonPath();
        assertThat(problem.getString("detail")).startsWith("2 of 700 rows are refused");
        List<Map<String, Object>> errors = problem.getList("errors");
        assertThat(errors).hasSize(2);
        // data row 3 is row 4 of the file (headings in row 1); data row 650 is row 651
        assertThat(errors.get(0))
                .containsEntry("row", 4)
                .containsEntry("column", "C")
                .containsEntry("header", "ハードウェア区分")
                .containsEntry("value", "SERVR");
        assertThat(errors.get(1))
                .containsEntry("row", 651)
                .containsEntry("column", "M")
                .containsEntry("value", "SSD:" + taken);
        assertThat((String) errors.get(1).get("reason"))
                .contains("medium serial " + taken + " is already registered");
        assertThat(ledgerState()).isEqualTo(before);
        assertThat(admin().get("/audit/verify").jsonPath().getBoolean("valid")).isTrue();
    }

    @Test
    void
            R_18_two_rows_of_one_product_differing_only_in_version_are_two_rows_and_reimported_are_unchanged() {
        String product = unique("bulk-lib");
        String csv =
                "製品名,エディション,バージョン,ソフトウェア区分,契約形態,ライセンス形態,サポート期限,導入先,環境,SBOM対象\r\n"
                        + product
                        + ",,1.0.0,LIBRARY,,Apache-2.0,,CLUSTER bulk-k8s,STAGING,\r\n"
                        + product
                        + ",,2.0.0,LIBRARY,,Apache-2.0,,CLUSTER bulk-k8s,STAGING,\r\n";
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        JsonPath first =
                importCsv(Tokens.jpoAdmin(), "software", body, false)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(first.getInt("created")).isEqualTo(2);
        assertThat(admin().get("/software?name=" + product).jsonPath().getList("version"))
                .containsExactlyInAnyOrder("1.0.0", "2.0.0");
        JsonPath again =
                importCsv(Tokens.jpoAdmin(), "software", body, false)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(again.getInt("unchanged")).isEqualTo(2);
        assertThat(again.getList("outcomes.id")).isEqualTo(first.getList("outcomes.id"));
    }
}
