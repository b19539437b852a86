package io.kiban.asset.export;

import static io.kiban.asset.AssetApi.admin;
import static io.kiban.asset.AssetApi.as;
import static io.kiban.asset.AssetApi.newHardware;
import static io.kiban.asset.AssetApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

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
class ExportTest {

    @Test
    void the_standard_sheet_has_twelve_sheets_japanese_headings_and_reiwa_date_cells() throws Exception {
        String serial = unique("XLSX");
        long id = newHardware("serialNumber", serial, "maintenanceDeadline", "2031-03-31", "environment", "PRODUCTION");
        admin().body(Map.of("status", "DELIVERED", "deliveredOn", "2027-01-12")).post("/hardware/" + id + "/status")
                .then().statusCode(200);
        Response r = as(Tokens.auditor()).get("/exports/standard-sheet.xlsx");
        r.then().statusCode(200).contentType(ExportResource.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("ハードウェア", "ソフトウェア", "回線", "外部サービス", "施設", "公開ドメイン", "取扱情報",
                    "情報セキュリティ要件", "指標", "変更管理", "作業実績・リスク・課題", "スケジュール・工数");
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
            assertThat(row.getCell(9).getStringCellValue()).isEqualTo("DELIVERED");
            Cell deadline = row.getCell(4);
            assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2031, 3, 31));
            assertThat(deadline.getCellStyle().getDataFormatString()).isEqualTo(ReiwaDates.EXCEL_FORMAT);
            assertThat(row.getCell(10).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 12));

            Sheet history = wb.getSheet("変更管理");
            assertThat(history.getRow(0).getCell(6).getStringCellValue()).isEqualTo("変更前");
            boolean statusChange = false;
            DataFormatter f = new DataFormatter();
            for (Row h : history) {
                if (String.valueOf(id).equals(f.formatCellValue(h.getCell(3))) && "status".equals(f.formatCellValue(h.getCell(5)))) {
                    statusChange = f.formatCellValue(h.getCell(6)).equals("ORDERED")
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
        byte[] csv = as(Tokens.jpoStaff()).get("/exports/hardware.csv").then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,製品名,");
        assertThat(text).contains("\"switch, \"\"L2\"\"\"").contains(serial);
        as(Tokens.jpoStaff()).get("/exports/nothing.csv").then().statusCode(404);

        JsonPath records = as(Tokens.service("lifecycle")).get("/exports/records.json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(records.getString("service")).isEqualTo("asset-service");
        assertThat(records.getList("hardware.serialNumber", String.class)).contains(serial);
        assertThat(records.getList("baseline")).isNotEmpty();
        as(Tokens.auditor()).get("/exports/records.json").then().statusCode(403);
    }
}
