package io.kiban.asset.export;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.adminIfMatch;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.kiban.asset.LifecycleServiceMock;
import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.commons.time.ReiwaDates;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(LifecycleServiceMock.class)
class ExportTest {

    @jakarta.inject.Inject io.agroal.api.AgroalDataSource db;

    @Test
    @org.junit.jupiter.api.DisplayName(
            "#19 the exports read a table in chunks of 500 rows: 1,001 public domains are each written once, in id order, in the CSV, the standard sheet and records.json")
    void every_row_is_written_once_across_chunk_boundaries() throws Exception {
        String prefix = unique("chunk").toLowerCase();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            names.add(prefix + "-" + String.format("%04d", i));
        }
        try (java.sql.Connection c = db.getConnection();
                java.sql.PreparedStatement insert =
                        c.prepareStatement(
                                "insert into public_domain (name, dns_name, expires_on, version)"
                                        + " values (?, ?, null, 0)")) {
            for (String name : names) {
                insert.setString(1, name);
                insert.setString(2, name + ".example.go.jp");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try {
            String csv =
                    new String(
                            as(Tokens.auditor())
                                    .get("/exports/public-domains.csv")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .asByteArray(),
                            StandardCharsets.UTF_8);
            List<String> inCsv =
                    csv.lines()
                            .map(l -> l.split(",", -1))
                            .filter(cells -> cells.length > 1 && cells[1].startsWith(prefix))
                            .map(cells -> cells[1])
                            .toList();
            assertThat(inCsv).hasSize(1001).containsExactlyElementsOf(names);
            assertThat(inCsv.get(500)).isEqualTo(prefix + "-0500");

            List<String> inRecords =
                    as(Tokens.service("lifecycle"))
                            .get("/exports/records.json")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList(
                                    "publicDomains.findAll { it.name.startsWith('"
                                            + prefix
                                            + "') }.name",
                                    String.class);
            assertThat(inRecords).hasSize(1001).containsExactlyElementsOf(names);

            Response xlsx = as(Tokens.auditor()).get("/exports/standard-sheet.xlsx");
            xlsx.then().statusCode(200);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
                List<String> inSheet = new ArrayList<>();
                for (Row row : wb.getSheet("公開ドメイン")) {
                    Cell name = row.getCell(0);
                    if (name != null && name.getStringCellValue().startsWith(prefix)) {
                        inSheet.add(name.getStringCellValue());
                    }
                }
                assertThat(inSheet).hasSize(1001).containsExactlyElementsOf(names);
            }
        } finally {
            try (java.sql.Connection c = db.getConnection();
                    java.sql.PreparedStatement delete =
                            c.prepareStatement("delete from public_domain where name like ?")) {
                delete.setString(1, prefix + "-%");
                delete.executeUpdate();
            }
        }
    }

    @Test
    void the_standard_sheet_has_twelve_sheets_japanese_headings_and_reiwa_date_cells()
            throws Exception {
        String serial = unique("XLSX");
        long id =
                newHardware(
                        "serialNumber",
                        serial,
                        "maintenanceDeadline",
                        "2031-03-31",
                        "environment",
                        "PRODUCTION");
        adminIfMatch("/hardware/" + id)
                .body(Map.of("status", "DELIVERED", "deliveredOn", "2027-01-12"))
                .post("/hardware/" + id + "/status")
                .then()
                .statusCode(200);
        Response r = as(Tokens.auditor()).get("/exports/standard-sheet.xlsx");
        r.then().statusCode(200).contentType(ExportResource.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names)
                    .containsExactly(
                            "ハードウェア",
                            "ソフトウェア",
                            "回線",
                            "外部サービス",
                            "施設",
                            "公開ドメイン",
                            "取扱情報",
                            "情報セキュリティ要件",
                            "指標",
                            "変更管理",
                            "作業実績・リスク・課題",
                            "スケジュール・工数");
            Sheet hw = wb.getSheet("ハードウェア");
            assertThat(hw.getRow(0).getCell(0).getStringCellValue()).isEqualTo("製品名");
            assertThat(hw.getRow(0).getCell(4).getStringCellValue()).isEqualTo("保守期限");
            Row row = null;
            for (Row candidate : hw) {
                Cell c = candidate.getCell(5);
                if (c != null && serial.equals(c.getStringCellValue())) {
                    row = candidate;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("PRIMERGY RX2540 M7");
            assertThat(row.getCell(9).getStringCellValue())
                    .isEqualTo("納入済"); // #17: Japanese words in the xlsx
            Cell deadline = row.getCell(4);
            assertThat(deadline.getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2031, 3, 31));
            assertThat(deadline.getCellStyle().getDataFormatString())
                    .isEqualTo(ReiwaDates.EXCEL_FORMAT);
            assertThat(row.getCell(10).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2027, 1, 12));

            Sheet history = wb.getSheet("変更管理");
            assertThat(history.getRow(0).getCell(6).getStringCellValue()).isEqualTo("変更前");
            boolean statusChange = false;
            DataFormatter f = new DataFormatter();
            for (Row h : history) {
                if (String.valueOf(id).equals(f.formatCellValue(h.getCell(3)))
                        && "status".equals(f.formatCellValue(h.getCell(5)))) {
                    statusChange =
                            f.formatCellValue(h.getCell(6)).equals("ORDERED")
                                    && f.formatCellValue(h.getCell(7)).equals("DELIVERED");
                }
            }
            assertThat(statusChange).isTrue();
        }
    }

    @Test
    void csv_exports_have_a_bom_and_records_json_is_for_the_archive() {
        String serial = unique("CSV");
        newHardware("serialNumber", serial, "name", "switch, \"L2\"");
        byte[] csv =
                as(Tokens.jpoStaff())
                        .get("/exports/hardware.csv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,製品名,");
        assertThat(text).contains("\"switch, \"\"L2\"\"\"").contains(serial);
        as(Tokens.jpoStaff()).get("/exports/nothing.csv").then().statusCode(404);

        JsonPath records =
                as(Tokens.service("lifecycle"))
                        .get("/exports/records.json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(records.getString("service")).isEqualTo("asset-service");
        assertThat(records.getList("hardware.serialNumber", String.class)).contains(serial);
        assertThat(records.getList("baseline")).isNotEmpty();
        as(Tokens.auditor()).get("/exports/records.json").then().statusCode(403);
    }

    @Test
    void every_category_of_the_standard_sheet_has_a_csv_with_a_bom_and_its_japanese_header_row() {
        admin().body(
                        Map.of(
                                "lineType",
                                "専用線",
                                "serviceName",
                                unique("csv-line"),
                                "usedFrom",
                                "2027-04-01",
                                "bandwidth",
                                "1Gbps"))
                .post("/lines")
                .then()
                .statusCode(201);
        admin().body(
                        Map.of(
                                "task",
                                unique("csv-task"),
                                "plannedStart",
                                "2027-02-01",
                                "plannedEffort",
                                12.5))
                .post("/schedule")
                .then()
                .statusCode(201);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put(
                "hardware",
                "id,製品名,型番,ハードウェア区分,契約形態,保守期限,製造番号,環境,ラック,搭載位置,状態,納入日,調達基準品目,記憶媒体（種別:製造番号）");
        headers.put("software", "id,製品名,エディション,バージョン,ソフトウェア区分,契約形態,ライセンス形態,サポート期限,導入先,環境,SBOM対象");
        headers.put("lines", "id,回線種別,サービス名,通信事業者,利用開始,利用終了,帯域");
        headers.put("external-services", "id,サービス名,利用形態,利用開始,利用終了");
        headers.put("facilities", "id,施設名,形態,所在地,耐久性,ラック数,ゾーン,ラック・搭載位置");
        headers.put("public-domains", "id,名称,DNS名,有効期限");
        headers.put("handled-information", "id,データ・マスタ名,個人情報の有無,機密性,完全性,可用性");
        headers.put("security-requirements", "id,要件,対応状況,備考");
        headers.put("kpis", "id,指標名,区分,計画値,実績値,計測日");
        headers.put("change-history", "id,変更日,変更日時,対象,対象ID,変更種別,項目,変更前,変更後,変更者");
        headers.put("work-records", "id,日付,種別,内容,担当,状態,脆弱性ID,対策計画,対策期限,確認者,適用日");
        headers.put("schedule", "id,作業項目,計画開始,計画終了,実績開始,実績終了,計画工数,実績工数");
        headers.put("media", "id,ハードウェアID,種別,製造番号,メーカー,型式,取付日,取外し日,参照,取外し経路,データ保持,登録経緯");
        headers.put("baseline", "品目コード,区分,品目,品目（日本語）,環境,必要数");
        headers.put("findings", "id,脆弱性ID,別名,深刻度,ソフトウェア,バージョン,環境,導入先,状態,対策計画,対策期限,確認者,適用日");
        Map<String, String> bodies = new java.util.HashMap<>();
        headers.forEach(
                (category, header) -> {
                    Response r = as(Tokens.auditor()).get("/exports/" + category + ".csv");
                    r.then()
                            .statusCode(200)
                            .contentType("text/csv")
                            .header(
                                    "Content-Disposition",
                                    org.hamcrest.Matchers.containsString(category + ".csv"));
                    String text = new String(r.asByteArray(), StandardCharsets.UTF_8);
                    assertThat(text).as(category).startsWith("\uFEFF" + header + "\r\n");
                    bodies.put(category, text);
                });
        assertThat(bodies.get("lines"))
                .contains(",専用線,csv-line-")
                .contains(",2027-04-01,,1Gbps\r\n");
        assertThat(bodies.get("schedule")).contains(",2027-02-01,,,,12.50,\r\n");
        assertThat(bodies.get("change-history"))
                .contains(",回線,")
                .contains(",登録,bandwidth,,1Gbps,jpo-admin1\r\n");
    }

    @Test
    void an_unknown_csv_category_is_a_404_problem() {
        as(Tokens.auditor())
                .get("/exports/nothing.csv")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("change-history"));
    }

    @Test
    void records_json_holds_api_views_not_entities() {
        String serial = unique("REC");
        long hw = newHardware("serialNumber", serial);
        admin().body(
                        Map.of(
                                "kind",
                                "SSD",
                                "serial",
                                unique("REC-SSD"),
                                "make",
                                "Micron",
                                "model",
                                "7450",
                                "condition",
                                "NEW",
                                "installedOn",
                                "2027-01-10"))
                .post("/hardware/" + hw + "/media")
                .then()
                .statusCode(201);
        admin().body(
                        Map.of(
                                "name",
                                unique("records-kpi"),
                                "kpiClass",
                                "resource",
                                "plannedValue",
                                70))
                .post("/kpis")
                .then()
                .statusCode(201);
        JsonPath records =
                as(Tokens.service("lifecycle"))
                        .get("/exports/records.json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        Map<String, Object> h =
                records.getMap("hardware.find { it.serialNumber == '" + serial + "' }");
        assertThat(h).containsKey("allowedTransitions").containsEntry("status", "ORDERED");
        Map<String, Object> m = records.getMap("media.find { it.hardwareId == " + hw + " }");
        assertThat(m).containsEntry("hardwareSerial", serial).containsEntry("installed", true);
        assertThat(records.getMap("kpis[0]"))
                .containsOnlyKeys("id", "name", "kpiClass", "plannedValue", "unit", "version");
        for (String key :
                List.of(
                        "lines",
                        "externalServices",
                        "facilities",
                        "racks",
                        "rackPositions",
                        "publicDomains",
                        "handledInformation",
                        "securityRequirements",
                        "kpiMeasurements",
                        "workRecords",
                        "schedule",
                        "advisories",
                        "eolMappings",
                        "findings")) {
            assertThat(records.getList(key)).as(key).isNotNull();
        }
        assertThat(records.getList("advisories.affected")).allMatch(a -> a == null);
    }
}
