package io.kiban.lifecycle.lease;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.kiban.commons.testing.OidcTestServer;
import io.kiban.commons.testing.Tokens;
import io.kiban.commons.time.ReiwaDates;
import io.kiban.lifecycle.testing.Fixtures;
import io.kiban.lifecycle.testing.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcTestServer.class)
@QuarkusTestResource(Stubs.class)
class LeaseTest {

    static final Map<String, long[]> AMOUNTS = Map.of(
            "SERVERS", new long[] { 4_200_000, 610_000 },
            "STORAGE", new long[] { 1_850_000, 270_000 },
            "NETWORK", new long[] { 720_000, 110_000 },
            "FACILITY", new long[] { 230_000, 40_000 },
            "SOFTWARE", new long[] { 960_000, 380_000 });
    static final long MONTHLY = 9_370_000;

    @BeforeEach
    void reset() {
        Fixtures.reset();
    }

    @Test
    void R_LC_7_the_ledger_has_42_monthly_periods_with_amounts_per_category() {
        JsonPath ledger = ledger();
        assertThat(ledger.getList("months")).hasSize(42);
        assertThat(ledger.getString("months[0].month")).isEqualTo("2027-07");
        assertThat(ledger.getString("months[0].firstDayReiwa")).isEqualTo("令和9年7月1日");
        assertThat(ledger.getString("months[41].month")).isEqualTo("2030-12");
        assertThat(ledger.getList("months[0].lines")).hasSize(5);
        assertThat(ledger.getLong("months[0].lines.find { it.categoryCode == 'SERVERS' }.lease")).isEqualTo(4_200_000);
        assertThat(ledger.getLong("totals.gross")).isEqualTo(42 * MONTHLY);
        assertThat(ledger.getLong("totals.deduction")).isZero();
        assertThat(ledger.getString("rule")).contains("R-LC-14");
    }

    @Test
    void R_LC_9_no_period_after_the_lease_without_a_negotiated_extension() {
        given().auth().oauth2(Tokens.jpoStaff()).get("/lease/periods/2031-01").then().statusCode(404)
                .contentType("application/problem+json");
        Map<String, Object> ext = Map.of("firstMonth", "2031-02", "lastMonth", "2031-03", "agreedOn", "2030-11-20",
                "reference", "協議書 2030-11", "amounts", List.of(Map.of("categoryCode", "SERVERS", "leaseMonthly", 1_000_000,
                        "maintenanceMonthly", 500_000)));
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).body(ext).post("/lease/extensions")
                .then().statusCode(422).body("rule", equalTo("R-LC-9"));
        Map<String, Object> good = new java.util.HashMap<>(ext);
        good.put("firstMonth", "2031-01");
        given().auth().oauth2(Tokens.vendor("vendor-a")).contentType(ContentType.JSON).body(good).post("/lease/extensions")
                .then().statusCode(403);
        Map<String, Object> negative = new java.util.HashMap<>(good);
        negative.put("amounts", List.of(Map.of("categoryCode", "SERVERS", "leaseMonthly", -5, "maintenanceMonthly", 0)));
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).body(negative).post("/lease/extensions")
                .then().statusCode(400).contentType("application/problem+json");
        int id = given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON).body(good).post("/lease/extensions")
                .then().statusCode(201).extract().path("id");
        assertThat(ledger().getList("months")).hasSize(45);
        given().auth().oauth2(Tokens.jpoStaff()).get("/lease/periods/2031-01").then().statusCode(200)
                .body("terms", equalTo("EXTENSION-" + id)).body("gross", equalTo(1_500_000));
        given().auth().oauth2(Tokens.jpoStaff()).get("/lease/periods/2031-04").then().statusCode(404);
    }

    @Test
    void R_LC_14_a_vendor_delay_inside_one_month_deducts_that_month_pro_rata() {
        delay("VENDOR", "2027-07-10", "2027-07-19");
        JsonPath ledger = ledger();
        assertThat(ledger.getInt("months[0].vendorDelayDays")).isEqualTo(10);
        for (var e : AMOUNTS.entrySet()) {
            assertThat(ledger.getLong("months[0].lines.find { it.categoryCode == '" + e.getKey() + "' }.leaseDeduction"))
                    .isEqualTo(cut(e.getValue()[0], 10, 31));
            assertThat(ledger.getLong("months[0].lines.find { it.categoryCode == '" + e.getKey() + "' }.maintenanceDeduction"))
                    .isEqualTo(cut(e.getValue()[1], 10, 31));
        }
        assertThat(ledger.getLong("months[1].deduction")).isZero();
        assertThat(ledger.getLong("totals.deduction")).isEqualTo(ledger.getLong("months[0].deduction"));
        assertThat(ledger.getLong("totals.net")).isEqualTo(42 * MONTHLY - ledger.getLong("months[0].deduction"));
    }

    @Test
    void R_LC_14_a_vendor_delay_spanning_two_months_deducts_each_month_by_its_own_days() {
        delay("VENDOR", "2027-07-25", "2027-08-05");
        JsonPath ledger = ledger();
        assertThat(ledger.getInt("months[0].vendorDelayDays")).isEqualTo(7);
        assertThat(ledger.getInt("months[1].vendorDelayDays")).isEqualTo(5);
        long july = AMOUNTS.values().stream().mapToLong(a -> cut(a[0], 7, 31) + cut(a[1], 7, 31)).sum();
        long august = AMOUNTS.values().stream().mapToLong(a -> cut(a[0], 5, 31) + cut(a[1], 5, 31)).sum();
        assertThat(ledger.getLong("months[0].deduction")).isEqualTo(july);
        assertThat(ledger.getLong("months[1].deduction")).isEqualTo(august);
        assertThat(ledger.getLong("totals.deduction")).isEqualTo(july + august);
    }

    @Test
    void R_LC_14_a_delay_ending_before_the_paid_lease_deducts_nothing() {
        delay("VENDOR", "2027-04-01", "2027-06-30");
        assertThat(ledger().getLong("totals.deduction")).isZero();
    }

    @Test
    void R_LC_14_a_delay_not_caused_by_the_vendor_deducts_nothing() {
        delay("OTHER", "2027-07-01", "2027-07-31");
        assertThat(ledger().getLong("totals.deduction")).isZero();
    }

    @Test
    @DisplayName("R-LC-14 overlapping vendor delays count each day once")
    void overlapping_delays() {
        delay("VENDOR", "2027-07-01", "2027-07-10");
        delay("VENDOR", "2027-07-06", "2027-07-15");
        assertThat(ledger().getInt("months[0].vendorDelayDays")).isEqualTo(15);
    }

    @Test
    void R_LC_14_bad_delays_are_rejected() {
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON)
                .body(Map.of("cause", "VENDOR", "startDate", "2027-07-10", "endDate", "2027-07-01"))
                .post("/lease/delays").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON)
                .body(Map.of("cause", "VENDOR", "startDate", "2027-03-01", "endDate", "2027-04-10"))
                .post("/lease/delays").then().statusCode(422).body("rule", equalTo("R-LC-1"));
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON)
                .body(Map.of("cause", "WEATHER", "startDate", "2027-07-01", "endDate", "2027-07-02"))
                .post("/lease/delays").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON)
                .body(Map.of("startDate", "2027-07-01", "endDate", "2027-07-02"))
                .post("/lease/delays").then().statusCode(400);
        given().auth().oauth2(Tokens.vendor("vendor-a")).contentType(ContentType.JSON)
                .body(Map.of("cause", "OTHER", "startDate", "2027-07-01", "endDate", "2027-07-02"))
                .post("/lease/delays").then().statusCode(403);
    }

    @Test
    void R_LC_7_the_ledger_workbook_has_Japanese_headings_and_Reiwa_date_cells() throws Exception {
        delay("VENDOR", "2027-07-10", "2027-07-19");
        byte[] xlsx = given().auth().oauth2(Tokens.auditor()).get("/lease/ledger.xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("賃貸借台帳");
            assertThat(sheet).isNotNull();
            Row head = sheet.getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("年月");
            assertThat(head.getCell(3).getStringCellValue()).isEqualTo("経費区分");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("2027-07");
            Cell date = first.getCell(1);
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 7, 1));
            assertThat(date.getCellStyle().getDataFormatString()).isEqualTo(ReiwaDates.EXCEL_FORMAT);
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(10);
            assertThat(wb.getSheet("稼動遅延").getRow(1).getCell(0).getStringCellValue()).isEqualTo("受注者の責");
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(42 * 5);
        }
    }

    private static JsonPath ledger() {
        return given().auth().oauth2(Tokens.jpoStaff()).get("/lease/ledger").then().statusCode(200).extract().jsonPath();
    }

    private static void delay(String cause, String from, String to) {
        given().auth().oauth2(Tokens.jpoAdmin()).contentType(ContentType.JSON)
                .body(Map.of("cause", cause, "startDate", from, "endDate", to, "note", "test"))
                .post("/lease/delays").then().statusCode(201);
    }

    static long cut(long amount, int days, int monthDays) {
        return BigDecimal.valueOf(amount * days).divide(BigDecimal.valueOf(monthDays), 0, RoundingMode.DOWN).longValue();
    }
}
